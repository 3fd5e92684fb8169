namespace Feeds.Core.Catalog;

/// <summary>A group of countries that matters for sourcing: US FTA partners, the Minerals Security Partnership, the Quad.</summary>
public sealed record MembershipGroup(
    string Id,
    string Name,
    string AsOf,
    string Source,
    string? Note,
    IReadOnlyList<GroupMember> Members);
