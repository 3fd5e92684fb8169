namespace Feeds.Core.Pipeline;

/// <summary>A run was asked for while another run of the same feed is still running (one run per feed at a time).</summary>
public sealed class FeedRunConflictException(FeedRunRecord running)
    : Exception($"Feed {running.Feed} run {running.RunId} is still running (started {running.StartedAt:O}).")
{
    public FeedRunRecord Running { get; } = running;
}
