namespace Feeds.Core.Storage;

/// <summary>Reads the <c>Reserves</c> table: one mineral's partition, optionally one edition / measure range of it.</summary>
public sealed class ReservesStore(FeedTables tables)
{
    private TableClient Table => tables.Get(FeedTables.Reserves);

    /// <summary>
    /// A single-partition query: the whole partition, or the RowKey range of an edition (and measure). The bounds are
    /// prefixes followed by '.', the character after '-', so the range holds exactly the keys under the prefix.
    /// </summary>
    public async Task<IReadOnlyList<ReservesRow>> ReadAsync(string mineralId, string? edition, string? measure, CancellationToken cancellationToken)
    {
        var filter = edition is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {mineralId}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {mineralId} and RowKey ge {Prefix(edition, measure) + "-"} and RowKey lt {Prefix(edition, measure) + "."}");
        var result = new List<ReservesRow>();
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(ReservesEntities.FromEntity(e));
        }

        return result;
    }

    private static string Prefix(string edition, string? measure) => measure is null ? edition : $"{edition}-{measure}";
}
