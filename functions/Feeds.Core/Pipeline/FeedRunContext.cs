namespace Feeds.Core.Pipeline;

/// <summary>
/// The run a runner works in: its id (stamped on rows and quarantine), whether to ignore checkpoints, and the first
/// quarantine sequence it may use (slices of one run run in parallel, so each gets its own range).
/// </summary>
public sealed record FeedRunContext(string RunId, bool Force, IProgress<string>? Progress = null, int QuarantineStart = 0);
