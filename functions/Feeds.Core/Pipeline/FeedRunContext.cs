namespace Feeds.Core.Pipeline;

/// <summary>The run a runner works in: its id (stamped on rows and quarantine), and whether to ignore checkpoints.</summary>
public sealed record FeedRunContext(string RunId, bool Force, IProgress<string>? Progress = null);
