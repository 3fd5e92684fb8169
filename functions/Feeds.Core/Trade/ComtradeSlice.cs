namespace Feeds.Core.Trade;

/// <summary>
/// The unit of checkpointing: one reporter (or one mirrored country), one HS code, one year and one frequency,
/// independent of how requests were batched. A monthly slice covers months <see cref="FirstMonth"/> to
/// <see cref="LastMonth"/> of its year; only those months' rows are replaced, so an older month that left the
/// rolling window keeps its rows.
/// </summary>
public sealed record ComtradeSlice(string Reporter, string Hs6, int Year, string Frequency = ComtradeRequest.Annual, bool Mirror = false, int FirstMonth = 0, int LastMonth = 0)
{
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Reporter}{(Mirror ? "-mirror" : "")}-{Hs6}-{Year:D4}-{Frequency}");

    /// <summary>The RowKey range the slice's rows fall in: month 00 for annual data, its months for monthly data.</summary>
    public (string Low, string High) RowKeyRange => Frequency == ComtradeRequest.Monthly
        ? (string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{FirstMonth:D2}-"), string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{LastMonth:D2}."))
        : (string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-00-"), string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-00."));
}
