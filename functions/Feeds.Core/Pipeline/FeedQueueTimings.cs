namespace Feeds.Core.Pipeline;

/// <summary>
/// How an in-process queue worker (the local host's, the tests', the benchmark's) handles messages, mirroring the
/// Functions host's queue settings in host.json. In code, not settings: tests shorten them.
/// </summary>
public sealed class FeedQueueTimings
{
    /// <summary>How long a received message stays invisible; renewed at half of it while its slice runs.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A failed attempt's message reappears after this (host.json <c>visibilityTimeout</c>).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest pause between polls of an empty queue (polls back off up to it, like the Functions host's).</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
