namespace Feeds.Core.Trade;

/// <summary>
/// The fields of a Comtrade v1 data record this feed uses, read by name (order differs between responses).
/// Unknown quantities stay null: a 0 with an estimate flag means "not known", not zero. The record's JSON text is not
/// kept: the normalizer takes it only for a record it quarantines.
/// </summary>
public sealed record ComtradeRecord(
    string FreqCode,
    int? RefYear,
    int? RefMonth,
    string Period,
    int? ReporterCode,
    string ReporterDesc,
    string FlowCode,
    int? PartnerCode,
    string PartnerIso,
    string PartnerDesc,
    int? Partner2Code,
    string ClassificationCode,
    bool IsOriginalClassification,
    string CmdCode,
    string CustomsCode,
    int? MotCode,
    double? PrimaryValue,
    double? CifValue,
    double? FobValue,
    double? NetWgt,
    bool IsNetWgtEstimated,
    double? Qty,
    string QtyUnitAbbr,
    bool IsSample);
