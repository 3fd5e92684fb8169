namespace Feeds.Core.Storage;

/// <summary>
/// A USGS country cell resolved through the catalog: the key stored (ISO3; <c>WORLD</c> / <c>OTHERS</c> for the
/// aggregate rows; <c>MULTI-…</c> for one value published for several countries), the ISO3 (null for aggregates),
/// the catalog name, whether the cell carried the estimate mark, and the member countries of a multi-country cell.
/// </summary>
public sealed record UsgsCountry(string Key, string? Iso3, string Name, bool IsAggregate, bool EstimateMark, IReadOnlyList<string>? Members = null)
{
    public const string WorldKey = "WORLD";
    public const string OthersKey = "OTHERS";
    public const string MultiPrefix = "MULTI-";

    /// <summary>True for the keys of the aggregate rows (World total, Other countries, several countries in one cell).</summary>
    public static bool IsAggregateKey(string key) => key is WorldKey or OthersKey || key.StartsWith(MultiPrefix, StringComparison.Ordinal);

    /// <summary>The key of one value published for several countries: the members' ISO3 codes in the order given.</summary>
    public static string MultiKey(IEnumerable<string> iso3) => MultiPrefix + string.Join('-', iso3);

    public bool Equals(UsgsCountry? other) =>
        other is not null && Key == other.Key && Iso3 == other.Iso3 && Name == other.Name && IsAggregate == other.IsAggregate
        && EstimateMark == other.EstimateMark && (Members ?? []).SequenceEqual(other.Members ?? []);

    public override int GetHashCode() => HashCode.Combine(Key, Iso3, Name, IsAggregate, EstimateMark);
}
