namespace Feeds.Core.Storage;

/// <summary>
/// The <c>Reserves</c> table: PartitionKey = mineral id, RowKey = <c>{edition}-{measure}-{product}-{year:D4}-{countryKey}</c>
/// (country key ISO3, <c>WORLD</c>, <c>OTHERS</c> or <c>MULTI-…</c>), so a mineral's edition, or an edition's measure,
/// is one single-partition range, and every edition stays beside the others.
/// </summary>
public static class ReservesEntities
{
    public static string RowKey(string edition, string measure, string product, int year, string countryKey) =>
        TableKeys.Require($"{edition}-{measure}-{product}-{year.ToString("D4", CultureInfo.InvariantCulture)}-{countryKey}", "a Reserves row key");

    public static string RowKey(ReservesRow r) => RowKey(r.Edition, r.Measure, r.Product, r.Year, r.Country.Key);

    public static TableEntity ToEntity(ReservesRow r, string runId) =>
        new(TableKeys.Require(r.MineralId, "a mineral id"), RowKey(r))
        {
            ["Mineral"] = r.MineralId,
            ["Commodity"] = r.Commodity,
            ["Edition"] = r.Edition,
            ["Measure"] = r.Measure,
            ["Stage"] = r.Stage,
            ["Product"] = r.Product,
            ["Year"] = r.Year,
            ["CountryKey"] = r.Country.Key,
            ["Iso3"] = r.Country.Iso3,
            ["Country"] = r.Country.Name,
            ["CountryMembers"] = r.Country.Members is { Count: > 0 } members ? string.Join(';', members) : null,
            ["CountryPublished"] = r.CountryPublished,
            ["IsAggregate"] = r.Country.IsAggregate,
            ["CountryEstimateMark"] = r.Country.EstimateMark,
            ["ValueTons"] = r.ValueTons,
            ["ValueTonsHigh"] = r.ValueTonsHigh,
            ["Qualifier"] = r.Qualifier,
            ["Estimated"] = r.Estimated,
            ["Rounded"] = r.Rounded,
            ["ValuePublished"] = r.ValuePublished,
            ["UnitPublished"] = r.UnitPublished,
            ["Unit"] = r.Unit,
            ["UnitCorrection"] = r.UnitCorrection,
            ["Correction"] = TextLimits.TruncateOrNull(r.Correction),
            ["Basis"] = TextLimits.TruncateOrNull(r.Basis),
            ["Coverage"] = TextLimits.TruncateOrNull(r.Coverage),
            ["TypePublished"] = TextLimits.Truncate(r.TypePublished),
            ["Notes"] = TextLimits.TruncateOrNull(r.Notes),
            ["ValueFromNotes"] = r.ValueFromNotes,
            ["WorldTotalExcludes"] = r.WorldTotalExcludes,
            ["SourceFile"] = r.SourceFile,
            ["SourceLine"] = r.SourceLine,
            ["SourceColumn"] = r.Column,
            ["RunId"] = runId,
        };

    public static ReservesRow FromEntity(TableEntity e) => new(
        e.PartitionKey,
        e.GetString("Commodity") ?? "",
        e.GetString("Edition") ?? "",
        e.GetString("Measure") ?? "",
        e.GetString("Stage"),
        e.GetString("Product") ?? "",
        e.GetInt32("Year") ?? 0,
        new UsgsCountry(
            e.GetString("CountryKey") ?? "", e.GetString("Iso3"), e.GetString("Country") ?? "", e.GetBoolean("IsAggregate") ?? false,
            e.GetBoolean("CountryEstimateMark") ?? false, e.GetString("CountryMembers") is { Length: > 0 } members ? members.Split(';') : null),
        e.GetString("CountryPublished") ?? "",
        e.GetDouble("ValueTons"),
        e.GetDouble("ValueTonsHigh"),
        e.GetString("Qualifier") ?? UsgsQualifier.NotAvailable,
        e.GetBoolean("Estimated") ?? false,
        e.GetBoolean("Rounded") ?? false,
        e.GetString("ValuePublished") ?? "",
        e.GetString("UnitPublished") ?? "",
        e.GetString("Unit") ?? "",
        e.GetString("UnitCorrection"),
        e.GetString("Correction"),
        e.GetString("Basis"),
        e.GetString("Coverage"),
        e.GetString("TypePublished") ?? "",
        e.GetString("Notes"),
        e.GetBoolean("ValueFromNotes") ?? false,
        e.GetString("WorldTotalExcludes"),
        e.GetString("SourceFile") ?? "",
        e.GetInt32("SourceLine") ?? 0,
        e.GetString("SourceColumn") ?? "");
}
