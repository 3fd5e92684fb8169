using Azure;

namespace Feeds.Core.Trade;

/// <summary>
/// Counts calls per UTC day in <c>FeedCheckpoints</c> (PartitionKey <c>comtrade-quota</c>, RowKey <c>yyyyMMdd</c>) and
/// refuses a call past <see cref="ComtradeOptions.DailyCallQuota"/>, so several runs in a day cannot spend more than
/// the subscription allows. Optimistic concurrency keeps the count right if two runs overlap.
/// </summary>
public sealed class ComtradeQuotaGuard(FeedTables tables, IOptions<ComtradeOptions> options, TimeProvider time)
{
    public const string Partition = "comtrade-quota";

    public async Task AcquireAsync(CancellationToken cancellationToken)
    {
        var table = tables.Get(FeedTables.FeedCheckpoints);
        var day = time.GetUtcNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        // Every worker of every instance counts here: enough attempts for a scaled-out run's contention.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(Partition, day, cancellationToken: cancellationToken).ConfigureAwait(false);
            var calls = existing.HasValue ? existing.Value!.GetInt32("Calls") ?? 0 : 0;
            if (calls >= options.Value.DailyCallQuota)
            {
                throw new ComtradeException(
                    $"The daily call quota of {options.Value.DailyCallQuota} (Feeds:Comtrade:DailyCallQuota) is used up for {day}; the remaining slices run tomorrow.",
                    quotaExhausted: true);
            }

            try
            {
                var entity = new TableEntity(Partition, day) { ["Calls"] = calls + 1 };
                if (existing.HasValue)
                {
                    await table.UpdateEntityAsync(entity, existing.Value!.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                }

                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another call was counted in between; read again after a short jittered pause.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(2, 10 + attempt)), time, cancellationToken).ConfigureAwait(false);
            }
        }

        throw new ComtradeException("Could not count the call against the daily quota (too much contention).");
    }
}
