using Azure;
using Feeds.Core.Storage;

namespace Feeds.Core.Pipeline;

/// <summary>
/// A source's request rate, held across every instance and worker: the next free call slot is a row in
/// <c>FeedCheckpoints</c> (PartitionKey <c>rate</c>, RowKey the source), taken with an ETag-conditional write, so two
/// callers never get the same slot; each caller then waits for its own. Calls start at least 1/rate apart (with
/// <see cref="Headroom"/>, so network jitter cannot bunch them past the rate where the source counts them).
/// </summary>
public sealed class SharedRateGate(FeedTables tables, TimeProvider time)
{
    public const string Partition = "rate";

    /// <summary>Slots are this much wider than 1/rate.</summary>
    public const double Headroom = 1.05;

    /// <summary>A slot further ahead than this is not a queue of callers but a leftover of a slower rate: start afresh.</summary>
    private static readonly TimeSpan MaxAhead = TimeSpan.FromMinutes(10);

    public async Task WaitAsync(string source, double perSecond, CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromTicks((long)(TimeSpan.TicksPerSecond * Headroom / perSecond));
        var table = tables.Get(FeedTables.FeedCheckpoints);
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, source, cancellationToken: cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            var next = row.HasValue && row.Value!.GetInt64("NextSlotTicks") is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : now;
            var slot = next > now && next - now < MaxAhead ? next : now;
            var entity = new TableEntity(Partition, source) { ["NextSlotTicks"] = (slot + interval).UtcTicks };
            try
            {
                if (row.HasValue)
                {
                    await table.UpdateEntityAsync(entity, row.Value!.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another caller took that slot: take the next one.
                continue;
            }

            var wait = slot - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        throw new InvalidOperationException($"Could not take a call slot for {source} (too much contention).");
    }
}
