using System.Text.Json.Serialization;

namespace Feeds.Core.Catalog;

/// <summary>
/// One measure of the policy register (data/events/events.json): an export control, ban, quota, or a suspension or
/// extension of one, with its instrument, dates, status history, scope, minerals and HS codes, and a citation per fact.
/// </summary>
public sealed record PolicyEvent(
    string Id,
    string Country,
    string Title,
    string Kind,
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
    bool Confirmed)
{
    /// <summary>Event-level statuses on a day besides the history's own words: some parts in force, others not.</summary>
    public const string PartlyInForce = "partly-in-force";

    /// <summary>
    /// The day a chart marks and an event study starts from: the in-force date when the measure took effect, else the
    /// announcement (Nos. 55–58 of 2025 were suspended before their scheduled date and never took effect).
    /// </summary>
    public DateOnly Date => TookEffect || Announced is null ? InForce : Announced.Value;

    /// <summary>The instrument's citation: the source that names the measure.</summary>
    [JsonIgnore]
    public PolicyCitation Source => Citations.First(c => c.Fact == "instrument");

    /// <summary>The instrument's source address, where a source showed one (<see cref="SourceText"/> always cites).</summary>
    public string? SourceUrl => Source.Url;

    public string SourceText => Source.Text;

    /// <summary>The day <see cref="Status"/> is given for: an answer's day, set with <c>with { StatusOn = day }</c>.</summary>
    public DateOnly StatusOn { get; init; }

    /// <summary>The status on <see cref="StatusOn"/> (<see cref="StatusAt"/>).</summary>
    public string? Status => StatusAt(StatusOn);

    /// <summary>
    /// The status on <paramref name="day"/>: each part (a clause, or the whole measure) takes the entry covering the day
    /// that began last (so an entry that begins on the day another ends wins that day); <c>in-force</c> when every part
    /// is in force, <see cref="PartlyInForce"/> when some are, else the parts' common status (or the latest-starting one);
    /// null when no entry covers the day — before the announcement, or past an end date the sources do not go beyond.
    /// </summary>
    public string? StatusAt(DateOnly day)
    {
        var parts = StatusHistory.Select(s => s.Part).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var current = (parts.Count == 0 ? [null] : parts.Cast<string?>())
            .Select(part => StatusHistory
                .Select((s, i) => (s, i))
                .Where(x => (x.s.Part is null || x.s.Part == part) && x.s.Covers(day))
                .OrderByDescending(x => x.s.From).ThenByDescending(x => x.i)
                .Select(x => x.s)
                .FirstOrDefault())
            .ToList();
        if (current.All(s => s is null))
        {
            return null;
        }

        var inForce = current.Count(s => s?.Status == PolicyStatus.InForce);
        return inForce == current.Count ? PolicyStatus.InForce
            : inForce > 0 ? PartlyInForce
            : current.OfType<PolicyStatus>().OrderByDescending(s => s.From).First().Status;
    }

    /// <summary>In force on the day, wholly or in part (not announced only, suspended, lifted or replaced).</summary>
    public bool ActiveOn(DateOnly day) => StatusAt(day) is PolicyStatus.InForce or PartlyInForce;

    /// <summary>Always false: the register is real reference data.</summary>
    public bool IsSample { get; }
}
