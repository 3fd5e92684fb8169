namespace Feeds.Core.Catalog;

/// <summary>A country's membership of a group over time (from, to inclusive; to null = open).</summary>
public sealed record CountryMembership(string Group, DateOnly From, DateOnly? To)
{
    public bool On(DateOnly day) => From <= day && (To is null || day <= To);
}
