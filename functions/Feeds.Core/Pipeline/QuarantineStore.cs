namespace Feeds.Core.Pipeline;

/// <summary>
/// <c>Quarantine</c>: PartitionKey = <c>{feed}-{runId}</c>, RowKey = zero-padded sequence. Each rejected source
/// record is kept with its reason and where it came from, so nothing is silently dropped and an operator can see why.
/// </summary>
public sealed class QuarantineStore(FeedTables tables, TimeProvider time)
{
    public static string PartitionKey(string feed, string runId) => TableKeys.Require($"{feed}-{runId}", "a quarantine partition");

    /// <summary>Stores rejected records of one run (batched; one partition per run).</summary>
    public async Task<int> AddAsync(string feed, string runId, IReadOnlyList<QuarantinedRecord> records, int firstSequence, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return 0;
        }

        var partition = PartitionKey(feed, runId);
        var now = time.GetUtcNow();
        var entities = records.Select((r, i) => new TableEntity(partition, (firstSequence + i).ToString("D9", CultureInfo.InvariantCulture))
        {
            ["Feed"] = feed,
            ["RunId"] = runId,
            ["Source"] = TextLimits.Truncate(r.Source),
            ["Location"] = TextLimits.Truncate(r.Location),
            ["Reason"] = TextLimits.Truncate(r.Reason),
            ["Raw"] = TextLimits.Truncate(r.Raw),
            ["QuarantinedAt"] = now,
        });
        return await TableBatchWriter.UpsertReplaceAsync(tables.Get(FeedTables.Quarantine), [.. entities], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The rejected records of one run, in order (a single-partition read).</summary>
    public async Task<IReadOnlyList<QuarantinedRecord>> ReadAsync(string feed, string runId, int max, CancellationToken cancellationToken)
    {
        var result = new List<QuarantinedRecord>();
        var query = tables.Get(FeedTables.Quarantine).QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKey(feed, runId)}"), maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken);
        await foreach (var e in query.ConfigureAwait(false))
        {
            result.Add(new QuarantinedRecord(e.GetString("Source") ?? "", e.GetString("Location") ?? "", e.GetString("Reason") ?? "", e.GetString("Raw") ?? ""));
            if (result.Count == max)
            {
                break;
            }
        }

        return result;
    }

}
