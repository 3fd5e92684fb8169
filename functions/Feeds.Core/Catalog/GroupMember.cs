namespace Feeds.Core.Catalog;

/// <summary>
/// A country's membership of a group from <see cref="From"/> until <see cref="To"/> (both inclusive; null = open), with
/// its citation; <see cref="Basis"/> says why where membership is by treatment, not treaty (Japan in USFTA).
/// </summary>
public sealed record GroupMember(
    string Iso3,
    DateOnly From,
    DateOnly? To,
    string? Basis,
    string? Agreement,
    string Citation,
    bool Confirmed,
    string? Note)
{
    public bool On(DateOnly day) => From <= day && (To is null || day <= To);
}
