namespace Feeds.Core.Catalog;

// data/events/events.json as written: every field optional, so the loader can name what is missing. Internal records
// that only PolicyEvents reads, kept together.
internal sealed record PolicyFileDoc(string? AsOf, Dictionary<string, List<string>>? RetiredIds, List<PolicyEventDoc>? Events);

internal sealed record PolicyEventDoc(
    string? Id, string? Country, string? Title, string? Kind, PolicyInstrumentDoc? Instrument, string? Announced, string? AnnouncedNote,
    string? InForce, bool? TookEffect, string? TookEffectNote, List<PolicyStatusDoc>? StatusHistory, string? Scope, List<string>? Minerals,
    List<PolicyHsCodeDoc>? HsCodes, string? HsNotes, List<PolicyLinkDoc>? Suspends, List<PolicyLinkDoc>? Extends,
    List<PolicyCitationDoc>? Citations, bool? Confirmed);

internal sealed record PolicyInstrumentDoc(string? Number, string? Title);

internal sealed record PolicyStatusDoc(
    string? Status, string? From, string? Until, string? By, string? Part, string? PartNote, string? Note, string? Citation, bool? Confirmed);

internal sealed record PolicyHsCodeDoc(string? Hs6, List<string>? CustomsCodes, string? Mapping, bool? InCatalog, bool? Confirmed, string? Note);

internal sealed record PolicyLinkDoc(string? Event, string? Part, string? From, string? Until, string? Duration);

internal sealed record PolicyCitationDoc(string? Fact, string? Text, string? Url, bool? Confirmed);
