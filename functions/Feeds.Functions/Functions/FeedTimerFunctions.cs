using Feeds.Core.Catalog;
using Feeds.Core.Comtrade;
using Microsoft.Azure.Functions.Worker;

namespace Feeds.Functions.Functions;

/// <summary>One timer per feed, each on its schedule setting (NCRONTAB, UTC; RunOnStartup off: it also fires on scale-out).</summary>
public sealed class FeedTimerFunctions(FeedTimerRunner runner)
{
    [Function("CatalogTimer")]
    public Task Catalog([TimerTrigger("%Feeds:Schedules:Catalog%", RunOnStartup = false)] TimerInfo timer, CancellationToken cancellationToken) =>
        runner.RunAsync(CatalogFeed.FeedName, timer, cancellationToken);

    [Function("ComtradeTimer")]
    public Task Comtrade([TimerTrigger("%Feeds:Schedules:Comtrade%", RunOnStartup = false)] TimerInfo timer, CancellationToken cancellationToken) =>
        runner.RunAsync(ComtradeFeed.FeedName, timer, cancellationToken);
}
