namespace Feeds.Core.Storage;

/// <summary>
/// The <c>Reserves</c> table. World values: PartitionKey = mineral id, RowKey =
/// <c>{edition}-{measure}-{product}-{year:D4}-{countryKey}</c> (country key ISO3, <c>WORLD</c> or <c>OTHERS</c>), so a
/// mineral's edition, or an edition's measure, is one single-partition range. US salient statistics: PartitionKey =
/// <c>salient-{edition}</c>, RowKey = mineral id (a point read beside the mineral's rows).
/// </summary>
public static class ReservesEntities
{
    public const string SalientPrefix = "salient-";

    public static string RowKey(string edition, string measure, string product, int year, string countryKey) =>
        TableKeys.Require($"{edition}-{measure}-{product}-{year.ToString("D4", CultureInfo.InvariantCulture)}-{countryKey}", "a Reserves row key");

    public static string SalientPartition(string edition) => TableKeys.Require(SalientPrefix + edition, "a salient partition");

    public static TableEntity ToEntity(ReservesRow r, string runId) =>
        new(TableKeys.Require(r.MineralId, "a mineral id"), RowKey(r.Edition, r.Measure, r.Product, r.Year, r.Country.Key))
        {
            ["Mineral"] = r.MineralId,
            ["Commodity"] = r.Commodity,
            ["Edition"] = r.Edition,
            ["Measure"] = r.Measure,
            ["Product"] = r.Product,
            ["Year"] = r.Year,
            ["CountryKey"] = r.Country.Key,
            ["Iso3"] = r.Country.Iso3,
            ["Country"] = r.Country.Name,
            ["CountryPublished"] = r.CountryPublished,
            ["IsAggregate"] = r.Country.IsAggregate,
            ["CountryEstimateMark"] = r.Country.EstimateMark,
            ["ValueTons"] = r.ValueTons,
            ["Qualifier"] = r.Qualifier,
            ["Estimated"] = r.Estimated,
            ["ValuePublished"] = r.ValuePublished,
            ["UnitPublished"] = r.UnitPublished,
            ["Unit"] = r.Unit,
            ["UnitCorrection"] = r.UnitCorrection,
            ["Basis"] = r.Basis,
            ["TypePublished"] = r.TypePublished,
            ["Notes"] = TextLimits.TruncateOrNull(r.Notes),
            ["ValueFromNotes"] = r.ValueFromNotes,
            ["WorldTotalExcludes"] = r.WorldTotalExcludes,
            ["SourceFile"] = r.SourceFile,
            ["SourceLine"] = r.SourceLine,
            ["SourceColumn"] = r.Column,
            ["IsSample"] = r.IsSample,
            ["RunId"] = runId,
        };

    public static ReservesRow FromEntity(TableEntity e) => new(
        e.PartitionKey,
        e.GetString("Commodity") ?? "",
        e.GetString("Edition") ?? "",
        e.GetString("Measure") ?? "",
        e.GetString("Product") ?? "",
        e.GetInt32("Year") ?? 0,
        new UsgsCountry(e.GetString("CountryKey") ?? "", e.GetString("Iso3"), e.GetString("Country") ?? "", e.GetBoolean("IsAggregate") ?? false, e.GetBoolean("CountryEstimateMark") ?? false),
        e.GetString("CountryPublished") ?? "",
        e.GetDouble("ValueTons"),
        e.GetString("Qualifier") ?? UsgsQualifier.NotAvailable,
        e.GetBoolean("Estimated") ?? false,
        e.GetString("ValuePublished") ?? "",
        e.GetString("UnitPublished") ?? "",
        e.GetString("Unit") ?? "",
        e.GetString("UnitCorrection"),
        e.GetString("Basis"),
        e.GetString("TypePublished") ?? "",
        e.GetString("Notes"),
        e.GetBoolean("ValueFromNotes") ?? false,
        e.GetString("WorldTotalExcludes"),
        e.GetString("SourceFile") ?? "",
        e.GetInt32("SourceLine") ?? 0,
        e.GetString("SourceColumn") ?? "",
        e.GetBoolean("IsSample") ?? false);

    public static TableEntity ToEntity(SalientRow s, string runId) =>
        new(SalientPartition(s.Edition), TableKeys.Require(s.MineralId, "a mineral id"))
        {
            ["Mineral"] = s.MineralId,
            ["CriticalMineral"] = s.CriticalMineral,
            ["Edition"] = s.Edition,
            ["Year"] = s.Year,
            ["YearEstimated"] = s.YearEstimated,
            ["NetImportReliance"] = s.NetImportReliance.Published,
            ["NetImportRelianceQualifier"] = s.NetImportReliance.Qualifier,
            ["NetImportReliancePercent"] = ToDouble(s.NetImportReliance.Number),
            ["PrimaryImportSource"] = s.PrimaryImportSource,
            ["PrimaryImportSourceIso3"] = s.PrimaryImportSourceIso3,
            ["ImportSourceNotes"] = s.ImportSourceNotes,
            ["LeadingProducer"] = s.LeadingProducer,
            ["LeadingProducerIso3"] = s.LeadingProducerIso3,
            ["LeadingProducerProduction"] = s.LeadingProducerProduction.Published,
            ["LeadingProducerProductionQualifier"] = s.LeadingProducerProduction.Qualifier,
            ["LeadingProducerProductionValue"] = ToDouble(s.LeadingProducerProduction.Number),
            ["WorldProduction"] = s.WorldProduction.Published,
            ["WorldProductionQualifier"] = s.WorldProduction.Qualifier,
            ["WorldProductionValue"] = ToDouble(s.WorldProduction.Number),
            ["WorldProductionNotes"] = s.WorldProductionNotes,
            ["LeadingProducerShare"] = s.LeadingProducerSharePercent.Published,
            ["LeadingProducerShareQualifier"] = s.LeadingProducerSharePercent.Qualifier,
            ["LeadingProducerSharePercent"] = ToDouble(s.LeadingProducerSharePercent.Number),
            ["Published"] = TextLimits.Truncate(JsonSerializer.Serialize(s.Published)),
            ["SourceFile"] = s.SourceFile,
            ["SourceLine"] = s.SourceLine,
            ["IsSample"] = s.IsSample,
            ["RunId"] = runId,
        };

    public static SalientItem? ToSalient(TableEntity? e) => e is null ? null : new SalientItem(
        e.GetString("Edition") ?? "", e.GetInt32("Year") ?? 0, e.GetBoolean("YearEstimated") ?? false,
        e.GetString("NetImportReliance") ?? "", e.GetString("NetImportRelianceQualifier") ?? "", e.GetDouble("NetImportReliancePercent"),
        e.GetString("PrimaryImportSource"), e.GetString("PrimaryImportSourceIso3"), e.GetString("LeadingProducer"), e.GetString("LeadingProducerIso3"),
        e.GetString("LeadingProducerShare") ?? "", e.GetString("LeadingProducerShareQualifier") ?? "", e.GetDouble("LeadingProducerSharePercent"),
        e.GetString("WorldProductionNotes"), e.GetString("SourceFile") ?? "", e.GetBoolean("IsSample") ?? false);

    private static double? ToDouble(decimal? value) => value is { } v ? (double)v : null;

}
