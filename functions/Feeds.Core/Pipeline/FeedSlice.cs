namespace Feeds.Core.Pipeline;

/// <summary>
/// One unit of a queued run, as its feed planned it: what an operator reads (<see cref="Description"/>) and what the
/// feed needs to run it again anywhere (<see cref="Payload"/>, the feed's own text: a request, a URL).
/// </summary>
public sealed record FeedSlice(string Description, string Payload);
