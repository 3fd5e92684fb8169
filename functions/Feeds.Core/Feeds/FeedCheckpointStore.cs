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
