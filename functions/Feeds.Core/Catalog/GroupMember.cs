namespace Feeds.Core.Catalog;

/// <summary>A member of a membership group; <see cref="Basis"/> says why where membership is by treatment, not treaty.</summary>
public sealed record GroupMember(string Iso3, string? Basis);
