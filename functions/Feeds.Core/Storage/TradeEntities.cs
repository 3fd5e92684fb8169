namespace Feeds.Core.Storage;

/// <summary>Maps trade rows to and from <c>TradeFlows</c> entities.</summary>
public static class TradeEntities
{
    public static TableEntity ToEntity(TradeRow row, string runId, DateTimeOffset retrievedAt) => new(row.PartitionKey, row.RowKey)
    {
        ["Reporter"] = row.Reporter,
        ["ReporterCode"] = row.ReporterCode,
        ["Mineral"] = row.Mineral,
        ["Year"] = row.Year,
        ["Month"] = row.Month,
        ["Flow"] = row.Flow,
        ["Hs6"] = row.Hs6,
        ["HsVintage"] = row.HsVintage,
        ["Shared"] = row.Shared,
        ["SharedWith"] = string.Join(';', row.SharedWith),
        ["PartnerCode"] = row.PartnerCode,
        ["PartnerKey"] = row.PartnerKey,
        ["PartnerName"] = row.PartnerName,
        ["IsWorld"] = row.IsWorld,
        ["ValueUsd"] = row.ValueUsd,
        ["CifUsd"] = row.CifUsd,
        ["FobUsd"] = row.FobUsd,
        ["NetWeightKg"] = row.NetWeightKg,
        ["NetWeightEstimated"] = row.NetWeightEstimated,
        ["UnitValueUsdPerKg"] = row.UnitValueUsdPerKg,
        ["IsSample"] = row.IsSample,
        ["Source"] = row.Source,
        ["Origin"] = row.Month == 0 ? "UN Comtrade API v1, C/A/HS" : "UN Comtrade API v1, C/M/HS",
        ["RunId"] = runId,
        ["RetrievedAt"] = retrievedAt,
    };

    public static TradeRow FromEntity(TableEntity e) => new(
        e.GetString("Reporter") ?? "",
        e.GetInt32("ReporterCode") ?? 0,
        e.GetString("Mineral") ?? "",
        e.GetInt32("Year") ?? 0,
        e.GetInt32("Month") ?? 0,
        e.GetString("Flow") ?? "",
        e.GetString("Hs6") ?? "",
        e.GetString("HsVintage") ?? "",
        e.GetBoolean("Shared") ?? false,
        e.GetString("SharedWith") is { Length: > 0 } sharedWith ? sharedWith.Split(';') : [],
        e.GetInt32("PartnerCode") ?? 0,
        e.GetString("PartnerKey"),
        e.GetString("PartnerName") ?? "",
        e.GetDouble("ValueUsd") ?? 0,
        e.GetDouble("CifUsd"),
        e.GetDouble("FobUsd"),
        e.GetDouble("NetWeightKg"),
        e.GetBoolean("NetWeightEstimated") ?? false,
        e.GetBoolean("IsSample") ?? false,
        e.GetString("Source") is TradeRow.MirrorSource ? TradeRow.MirrorSource : TradeRow.ReportedSource);
}
