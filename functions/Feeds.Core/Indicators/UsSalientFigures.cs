namespace Feeds.Core.Indicators;

/// <summary>
/// USGS's own US figures for a mineral and year, beside the Comtrade-derived import figures of a USA row, each
/// labelled with its source: net import reliance (as published, with its reading: a bound stays a bound, <c>E</c> is
/// "net exporter"), and China's place among US import sources — its share of US imports where USGS publishes shares
/// (MCS 2026 "Import Sources"), else its rank in the list of major sources (Fig2, T5).
/// </summary>
public sealed record UsSalientFigures(
    string Edition,
    int Year,
    string NetImportReliance,
    string NetImportRelianceQualifier,
    double? NetImportReliancePercent,
    string NetImportRelianceSource,
    double? ChinaImportSharePercent,
    string? ChinaImportSharePublished,
    string? ChinaImportShareQualifier,
    int? ChinaImportRank,
    string? ImportSourcesPeriod,
    string? ImportSourcesSource);
