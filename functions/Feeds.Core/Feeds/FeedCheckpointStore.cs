using Azure.Data.Tables;
using Feeds.Core.Storage;

namespace Feeds.Core.Feeds;

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

    /// <summary>Every slice's hash of a feed in one single-partition read (a run compares hundreds of slices).</summary>
    public async Task<Dictionary<string, string>> GetAllHashesAsync(string feed, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var query = Table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {feed}"), select: ["RowKey", "Hash"], cancellationToken: cancellationToken);
        await foreach (var e in query.ConfigureAwait(false))
        {
            if (e.GetString("Hash") is { } hash)
            {
                result[e.RowKey] = hash;
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
}
