namespace Feeds.Core.Storage;

/// <summary>Reads the <c>Salient</c> table: one mineral's partition, or the RowKey range of one edition of it.</summary>
public sealed class SalientStore(FeedTables tables)
{
    public async Task<IReadOnlyList<SalientRow>> ReadAsync(string mineralId, string? edition, CancellationToken cancellationToken)
    {
        var filter = edition is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {mineralId}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {mineralId} and RowKey ge {edition + "-"} and RowKey lt {edition + "."}");
        var result = new List<SalientRow>();
        await foreach (var e in tables.Get(FeedTables.Salient).QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(SalientEntities.FromEntity(e));
        }

        return result;
    }
}
