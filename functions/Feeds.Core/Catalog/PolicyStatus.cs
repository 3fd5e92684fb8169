namespace Feeds.Core.Catalog;

/// <summary>
/// One entry of an event's status history: <see cref="Status"/> from <see cref="From"/> (inclusive) until
/// <see cref="Until"/> (the end date as the source states it; null = open). <see cref="Part"/> names the clause it
/// applies to (null = the whole measure); <see cref="By"/> the event that caused it (a suspension, an extension).
/// </summary>
public sealed record PolicyStatus(
    string Status,
    DateOnly From,
    DateOnly? Until,
    string? By,
    string? Part,
    string? PartNote,
    string? Note,
    string Citation,
    bool Confirmed)
{
    public const string Announced = "announced", InForce = "in-force", Suspended = "suspended", Lifted = "lifted", Replaced = "replaced";

    public static IReadOnlyList<string> Vocabulary { get; } = [Announced, InForce, Suspended, Lifted, Replaced];

    public bool Covers(DateOnly day) => From <= day && (Until is null || day <= Until);
}
