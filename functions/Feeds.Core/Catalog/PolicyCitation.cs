namespace Feeds.Core.Catalog;

/// <summary>
/// The source of one fact of a policy event (<see cref="Fact"/>: instrument, announced, inForce, scope, hsCodes,
/// statusHistory, officialUrl). <see cref="Url"/> only where a source showed one; <see cref="Confirmed"/> false when
/// the fact (or the address) was seen only second-hand.
/// </summary>
public sealed record PolicyCitation(string Fact, string Text, string? Url, bool Confirmed)
{
    public static IReadOnlyList<string> Facts { get; } = ["instrument", "officialUrl", "announced", "inForce", "scope", "hsCodes", "statusHistory"];
}
