using Azure;

namespace Feeds.Core.Pipeline;

/// <summary>
/// A source's request rate, held across every instance and worker: the next free call slot is a row in
/// <c>FeedCheckpoints</c> (PartitionKey <c>rate</c>, RowKey the source), taken with an ETag-conditional write, so two
/// callers never get the same slot; each caller then waits for its own. Slots are (1 s + <see cref="JitterMargin"/>)/rate
/// apart: rate + 1 calls then span at least 1 s + the margin when they leave, so the source sees at most rate calls
/// within any one second unless one of them is delayed on its way (a late wake-up, a busy core, the network) by more
/// than the margin. Measured at the stand-in, 1/rate apart let 6 calls of a 5-per-second gate arrive within a second.
/// </summary>
public sealed class SharedRateGate(FeedTables tables, TimeProvider time)
{
    public const string Partition = "rate";

    /// <summary>How late a call may arrive (relative to the others) before the source could count rate + 1 in a second.</summary>
    public static readonly TimeSpan JitterMargin = TimeSpan.FromMilliseconds(250);

    /// <summary>A slot further ahead than this is not a queue of callers but a leftover of a slower rate: start afresh.</summary>
    private static readonly TimeSpan MaxAhead = TimeSpan.FromMinutes(10);

    public async Task WaitAsync(string source, double perSecond, CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromTicks((long)((TimeSpan.TicksPerSecond + JitterMargin.Ticks) / perSecond));
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
