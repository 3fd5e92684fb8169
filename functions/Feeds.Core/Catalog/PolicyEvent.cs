namespace Feeds.Core.Catalog;

/// <summary>An export-control or policy event (data/events/events.json), served for chart markers.</summary>
public sealed record PolicyEvent(
    string Id,
    string Date,
    string Country,
    IReadOnlyList<string> Minerals,
    string Title,
    string Kind,
    string Summary,
    string? SourceUrl,
    string SourceText,
    bool Verified);
