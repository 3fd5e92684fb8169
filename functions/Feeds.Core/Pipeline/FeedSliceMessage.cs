namespace Feeds.Core.Pipeline;

/// <summary>
/// A message on the <c>feed-slices</c> queue: which slice of which run, and everything the feed needs to run it (the
/// planned payload, the run's force flag), so any worker on any instance can take it.
/// </summary>
public sealed record FeedSliceMessage(string Feed, string RunId, string RunKey, string Slice, string Description, bool Force, string Payload)
{
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>The message, or null when the text is not one (such a message is dropped with a log line, never retried).</summary>
    public static FeedSliceMessage? Parse(string text)
    {
        try
        {
            var message = JsonSerializer.Deserialize<FeedSliceMessage>(text, JsonOptions);
            return message is { Feed.Length: > 0, RunId.Length: > 0, RunKey.Length: > 0, Slice.Length: > 0, Description: not null, Payload: not null } ? message : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
