namespace Feeds.Core.Pipeline;

/// <summary>
/// Whether each feed's data is fresh: a success within its <see cref="IFeedRunner.MaxAge"/> (twice its schedule) and a
/// last run that did not fail outright. Used by <c>/api/health</c> and by the hourly freshness timer whose log line
/// drives the stale-feed alert (a log alert cannot look back far enough for weekly feeds).
/// </summary>
public sealed class FeedFreshness(IEnumerable<IFeedRunner> feeds, FeedRunStore runs, TimeProvider time)
{
    public async Task<IReadOnlyList<FeedFreshnessStatus>> CheckAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var result = new List<FeedFreshnessStatus>();
        foreach (var feed in feeds.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var latest = await runs.LatestAsync(feed.Name, 10, cancellationToken).ConfigureAwait(false);
            var lastSuccess = latest.FirstOrDefault(r => r.Status == FeedRunStatus.Succeeded)?.FinishedAt;
            var last = latest is [var newest, ..] ? newest : null;
            var fresh = lastSuccess is { } done && now - done <= feed.MaxAge && last?.Status != FeedRunStatus.Failed;
            result.Add(new FeedFreshnessStatus(feed.Name, last, lastSuccess, feed.MaxAge, !fresh));
        }

        return result;
    }
}
