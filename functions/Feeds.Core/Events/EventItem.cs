using Feeds.Core.Catalog;

namespace Feeds.Core.Events;

/// <summary>
/// An item of <c>GET /api/events</c>: the register's event with its status on the answer's day (<c>statusOn</c>:
/// <c>activeOn</c>, or today), and the fields chart markers have always read (<see cref="Date"/>, title, kind).
/// <see cref="SourceUrl"/> is set only where a source showed an address; <see cref="SourceText"/> always cites.
/// </summary>
public sealed record EventItem(
    string Id,
    DateOnly Date,
    string Country,
    string Title,
    string Kind,
    string? Status,
    DateOnly StatusOn,
    PolicyInstrument Instrument,
    DateOnly? Announced,
    string? AnnouncedNote,
    DateOnly InForce,
    bool TookEffect,
    string? TookEffectNote,
    IReadOnlyList<PolicyStatus> StatusHistory,
    string Scope,
    IReadOnlyList<string> Minerals,
    IReadOnlyList<PolicyHsCode> HsCodes,
    string? HsNotes,
    IReadOnlyList<PolicyLink> Suspends,
    IReadOnlyList<PolicyLink> Extends,
    IReadOnlyList<PolicyCitation> Citations,
    string? SourceUrl,
    string SourceText,
    bool Confirmed,
    bool IsSample)
{
    public static EventItem From(PolicyEvent e, DateOnly day) => new(
        e.Id, e.Date, e.Country, e.Title, e.Kind, e.StatusOn(day), day, e.Instrument, e.Announced, e.AnnouncedNote, e.InForce,
        e.TookEffect, e.TookEffectNote, e.StatusHistory, e.Scope, e.Minerals, e.HsCodes, e.HsNotes, e.Suspends, e.Extends,
        e.Citations, e.Source.Url, e.Source.Text, e.Confirmed, e.IsSample);
}
