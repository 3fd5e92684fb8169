namespace Feeds.Core.Storage;

/// <summary>
/// Writes entities as entity-group transactions that Azure accepts: one partition, at most 100 operations and
/// under 4 MiB each (Azurite would accept mixed partitions; Azure does not, so the rule is kept here).
/// </summary>
public static class TableBatchWriter
{
    public const int MaxOperations = 100;

    /// <summary>Payload budget per transaction, kept well under the 4 MiB limit to leave room for the envelope.</summary>
    public const long MaxPayloadBytes = 3_500_000;

    /// <summary>Upserts (replace mode: the stored entity equals what was sent) and returns how many were written.</summary>
    public static Task<int> UpsertReplaceAsync(TableClient table, IEnumerable<ITableEntity> entities, CancellationToken cancellationToken) =>
        SubmitAsync(table, entities, TableTransactionActionType.UpsertReplace, cancellationToken);

    public static Task<int> DeleteAsync(TableClient table, IEnumerable<ITableEntity> entities, CancellationToken cancellationToken) =>
        SubmitAsync(table, entities, TableTransactionActionType.Delete, cancellationToken);

    /// <summary>
    /// Deletes the rows that the given filters find (each a single-partition query) and <paramref name="keep"/> does
    /// not hold: rows a source stopped sending. Returns how many were deleted.
    /// </summary>
    public static async Task<int> DeleteMissingAsync(
        TableClient table, IEnumerable<string> filters, IReadOnlySet<(string PartitionKey, string RowKey)> keep, CancellationToken cancellationToken)
    {
        var stale = new List<ITableEntity>();
        foreach (var filter in filters)
        {
            var existing = table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken);
            await foreach (var row in existing.ConfigureAwait(false))
            {
                if (!keep.Contains((row.PartitionKey, row.RowKey)))
                {
                    stale.Add(row);
                }
            }
        }

        return stale.Count == 0 ? 0 : await DeleteAsync(table, stale, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Partitions written at once. Each partition's transactions stay in order (a later one may repeat a key).</summary>
    public const int PartitionsInParallel = 4;

    private static async Task<int> SubmitAsync(
        TableClient table, IEnumerable<ITableEntity> entities, TableTransactionActionType action, CancellationToken cancellationToken)
    {
        var written = 0;
        var partitions = Plan(entities).GroupBy(b => b[0].PartitionKey, StringComparer.Ordinal).ToList();
        await Parallel.ForEachAsync(
            partitions,
            new ParallelOptions { MaxDegreeOfParallelism = PartitionsInParallel, CancellationToken = cancellationToken },
            async (partition, ct) =>
            {
                foreach (var batch in partition)
                {
                    var actions = batch.Select(e => new TableTransactionAction(action, e, action == TableTransactionActionType.Delete ? Azure.ETag.All : default));
                    await table.SubmitTransactionAsync(actions, ct).ConfigureAwait(false);
                    Interlocked.Add(ref written, batch.Count);
                }
            }).ConfigureAwait(false);
        return written;
    }

    /// <summary>Splits entities into valid transactions, keeping the order within each partition.</summary>
    public static IEnumerable<IReadOnlyList<ITableEntity>> Plan(IEnumerable<ITableEntity> entities)
    {
        var open = new Dictionary<string, OpenBatch>(StringComparer.Ordinal);
        foreach (var entity in entities)
        {
            var size = EstimateBytes(entity);
            if (!open.TryGetValue(entity.PartitionKey, out var batch))
            {
                open[entity.PartitionKey] = batch = new OpenBatch();
            }

            // Full, too large, or the same key again (a transaction may touch each entity once): close it.
            if (batch.Items.Count == MaxOperations || (batch.Items.Count > 0 && batch.Bytes + size > MaxPayloadBytes)
                || batch.Keys.Contains(entity.RowKey))
            {
                yield return batch.Items;
                open[entity.PartitionKey] = batch = new OpenBatch();
            }

            batch.Items.Add(entity);
            batch.Keys.Add(entity.RowKey);
            batch.Bytes += size;
        }

        foreach (var batch in open.Values.Where(b => b.Items.Count > 0))
        {
            yield return batch.Items;
        }
    }

    /// <summary>A generous estimate of an entity's size on the wire (UTF-16 strings, JSON framing).</summary>
    public static long EstimateBytes(ITableEntity entity)
    {
        long size = 256 + ((entity.PartitionKey.Length + entity.RowKey.Length) * 2);
        if (entity is TableEntity dynamic)
        {
            foreach (var (key, value) in dynamic)
            {
                size += 64 + (key.Length * 2) + value switch
                {
                    string s => s.Length * 6L, // JSON escaping can grow a character to \uXXXX
                    byte[] b => b.Length * 2L,
                    _ => 32,
                };
            }
        }

        return size;
    }

    private sealed class OpenBatch
    {
        public List<ITableEntity> Items { get; } = [];
        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);
        public long Bytes { get; set; }
    }
}
