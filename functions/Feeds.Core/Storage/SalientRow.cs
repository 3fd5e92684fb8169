namespace Feeds.Core.Storage;

/// <summary>
/// One row of <c>MCS20xx_T5_Critical_Minerals_Salient.csv</c>: US net import reliance (a percentage, a bound such as
/// <c>&gt;25</c>, or <c>E</c> net exporter, <c>W</c>, <c>NA</c>), the primary import source, and the world's leading
/// producer with its production and share of world production. Numbers stay in the table's own units (it states none).
/// </summary>
public sealed record SalientRow(
    string MineralId,
    string CriticalMineral,
    string Edition,
    int Year,
    bool YearEstimated,
    UsgsValue NetImportReliance,
    string? PrimaryImportSource,
    string? PrimaryImportSourceIso3,
    string? ImportSourceNotes,
    string? LeadingProducer,
    string? LeadingProducerIso3,
    UsgsValue LeadingProducerProduction,
    UsgsValue WorldProduction,
    string? WorldProductionNotes,
    UsgsValue LeadingProducerSharePercent,
    IReadOnlyDictionary<string, string> Published,
    string SourceFile,
    int SourceLine,
    bool IsSample);
