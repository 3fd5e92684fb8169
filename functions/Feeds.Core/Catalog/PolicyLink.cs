namespace Feeds.Core.Catalog;

/// <summary>
/// What a suspension or an extension does to another event: which event, which part (null = the whole measure),
/// from when until when (a suspension), or for how long (an extension, in words).
/// </summary>
public sealed record PolicyLink(string Event, string? Part, DateOnly From, DateOnly? Until, string? Duration);
