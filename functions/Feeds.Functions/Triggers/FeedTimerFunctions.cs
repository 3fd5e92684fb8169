using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Feeds.Functions.Triggers;

/// <summary>One timer per feed, each on its schedule setting (NCRONTAB, UTC; RunOnStartup off: it also fires on scale-out).</summary>
public sealed class FeedTimerFunctions(FeedTimerRunner runner, FeedFreshness freshness, SnapshotExporter snapshots, ILogger<FeedTimerFunctions> logger)
{
    /// <summary>
    /// Logs every feed's freshness each hour; a stale one at Error level with <c>Freshness = Stale</c>, which the
    /// stale-feed alert reads (a log alert looks back at most two days; the usgs feed may be 14 days old).
    /// </summary>
    [Function("FreshnessTimer")]
    public async Task Freshness([TimerTrigger("%Feeds:Schedules:Freshness%", RunOnStartup = false)] TimerInfo timer, CancellationToken cancellationToken)
    {
        foreach (var feed in await freshness.CheckAsync(cancellationToken).ConfigureAwait(false))
        {
            var level = feed.Stale ? LogLevel.Error : LogLevel.Information;
            logger.Log(level, "Feed {Feed} freshness {Freshness}: last success {LastSuccess}, allowed age {MaxAgeHours} h",
                feed.Feed, feed.Stale ? "Stale" : "Fresh", feed.LastSuccess, feed.MaxAge.TotalHours);
        }
    }

    [Function("CatalogTimer")]
    public Task Catalog([TimerTrigger("%Feeds:Schedules:Catalog%", RunOnStartup = false)] TimerInfo timer, CancellationToken cancellationToken) =>
        runner.RunAsync(CatalogFeed.FeedName, timer, cancellationToken);

    [Function("ComtradeTimer")]
    public Task Comtrade([TimerTrigger("%Feeds:Schedules:Comtrade%", RunOnStartup = false)] TimerInfo timer, CancellationToken cancellationToken) =>
        runner.RunAsync(ComtradeFeed.FeedName, timer, cancellationToken);

    [Function("UsgsTimer")]
    public Task Usgs([TimerTrigger("%Feeds:Schedules:Usgs%", RunOnStartup = false)] TimerInfo timer, CancellationToken cancellationToken) =>
        runner.RunAsync(UsgsFeed.FeedName, timer, cancellationToken);

    /// <summary>
    /// The nightly partner snapshot. A failure is recorded (FeedRuns, partition <c>snapshot</c>), leaves latest.json
    /// on the previous snapshot, and fails the invocation so the failed-run alert sees it.
    /// </summary>
    [Function("SnapshotTimer")]
    public async Task Snapshot([TimerTrigger("%Feeds:Schedules:Snapshot%", RunOnStartup = false)] TimerInfo timer, CancellationToken cancellationToken)
    {
        if (timer.IsPastDue)
        {
            logger.LogWarning("Snapshot timer is past due; running now");
        }

        await snapshots.ExportAsync(date: null, "timer", progress: null, cancellationToken).ConfigureAwait(false);
    }
}
