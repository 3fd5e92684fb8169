namespace Feeds.Core.Catalog;

/// <summary>
/// A group of countries that matters for sourcing (US FTA partners, the Minerals Security Partnership, the Quad), with
/// dated members. <see cref="From"/>/<see cref="To"/> bound the group itself (the MSP ended when FORGE succeeded it);
/// <see cref="LegalTest"/> names the legal test the group served as, and when.
/// </summary>
public sealed record MembershipGroup(
    string Id,
    string Name,
    string AsOf,
    string Source,
    string? Note,
    DateOnly? From,
    DateOnly? To,
    string? ToCitation,
    bool? ToConfirmed,
    LegalTest? LegalTest,
    IReadOnlyList<GroupMember> Members)
{
    /// <summary>Whether the group existed on the day.</summary>
    public bool ExistsOn(DateOnly day) => (From is null || From <= day) && (To is null || day <= To);

    /// <summary>The ISO3 codes of the members on the day.</summary>
    public IReadOnlySet<string> MembersOn(DateOnly day) =>
        Members.Where(m => m.On(day)).Select(m => m.Iso3).ToHashSet(StringComparer.Ordinal);
}
