namespace Feeds.Core.Storage;

/// <summary>US salient statistics of the mineral in the edition (T5 table): bounded and categorical values stay as such.</summary>
public sealed record SalientItem(
    string Edition,
    int Year,
    bool YearEstimated,
    string NetImportReliance,
    string NetImportRelianceQualifier,
    double? NetImportReliancePercent,
    string? PrimaryImportSource,
    string? PrimaryImportSourceIso3,
    string? LeadingProducer,
    string? LeadingProducerIso3,
    string LeadingProducerShare,
    string LeadingProducerShareQualifier,
    double? LeadingProducerSharePercent,
    string? WorldProductionNotes,
    string SourceFile,
    bool IsSample);
