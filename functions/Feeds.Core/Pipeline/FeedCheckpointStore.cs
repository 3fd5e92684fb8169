namespace Feeds.Core.Pipeline;

/// <summary>
/// <c>FeedCheckpoints</c>: PartitionKey = feed, RowKey = slice key; the content hash (or ETag / Last-Modified) of
/// what was last stored for the slice. Saved only after the slice's rows are stored.
/// </summary>
public sealed class FeedCheckpointStore(FeedTables tables, TimeProvider time)
{
    private TableClient Table => tables.Get(FeedTables.FeedCheckpoints);

    public async Task<string?> GetHashAsync(string feed, string slice, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.Require(feed, "a feed name"), TableKeys.Require(slice, "a slice key"),
            select: ["Hash"], cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value?.GetString("Hash") : null;
    }

    /// <summary>
    /// Every slice's hash and when it was stored, in one single-partition read (a run compares hundreds of slices,
    /// and plans the least recently stored first).
    /// </summary>
    public async Task<Dictionary<string, StoredSlice>> GetAllHashesAsync(string feed, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, StoredSlice>(StringComparer.Ordinal);
        var query = Table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {feed}"), select: ["RowKey", "Hash", "StoredAt"], cancellationToken: cancellationToken);
        await foreach (var e in query.ConfigureAwait(false))
        {
            if (e.GetString("Hash") is { } hash)
            {
                result[e.RowKey] = new StoredSlice(hash, e.GetDateTimeOffset("StoredAt"));
            }
        }

        return result;
    }

    public Task SetHashAsync(string feed, string slice, string hash, string runId, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(
            new TableEntity(TableKeys.Require(feed, "a feed name"), TableKeys.Require(slice, "a slice key"))
            {
                ["Hash"] = hash,
                ["RunId"] = runId,
                ["StoredAt"] = time.GetUtcNow(),
            },
            TableUpdateMode.Replace,
            cancellationToken);

    /// <summary>The slice's checkpoint with its HTTP validators and record count (columns a plain hash checkpoint lacks are null / 0).</summary>
    public async Task<FeedCheckpoint?> GetAsync(string feed, string slice, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.Require(feed, "a feed name"), TableKeys.Require(slice, "a slice key"),
            select: ["Hash", "ETag", "LastModified", "Records"], cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!response.HasValue || response.Value is not { } e)
        {
            return null;
        }

        return new FeedCheckpoint(e.GetString("Hash") ?? "", e.GetString("ETag"), e.GetString("LastModified"), e.GetInt64("Records") ?? 0);
    }

    /// <summary>Saves the slice's checkpoint; call only after the slice's rows are stored.</summary>
    public Task SetAsync(string feed, string slice, FeedCheckpoint checkpoint, string runId, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(
            new TableEntity(TableKeys.Require(feed, "a feed name"), TableKeys.Require(slice, "a slice key"))
            {
                ["Hash"] = checkpoint.Hash,
                ["ETag"] = checkpoint.ETag,
                ["LastModified"] = checkpoint.LastModified,
                ["Records"] = checkpoint.Records,
                ["RunId"] = runId,
                ["StoredAt"] = time.GetUtcNow(),
            },
            TableUpdateMode.Replace,
            cancellationToken);
}
