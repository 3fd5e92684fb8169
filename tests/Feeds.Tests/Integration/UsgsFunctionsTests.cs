using Feeds.Core.Pipeline;
using Feeds.Core.Reserves;
using Feeds.Functions.Triggers;
using Feeds.Local;
using Feeds.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Feeds.Tests.Integration;

/// <summary>The Functions app's usgs timer and reserves trigger, called directly over Azurite (replayed sources).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class UsgsFunctionsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Timer_runs_the_feed_and_the_http_trigger_serves_reserves()
    {
        var settings = TestStorage.Settings(azurite);
        settings[SettingKeys.SourcesOffline] = "true";
        await using var services = TestStorage.Services(settings);
        var feeds = services.GetRequiredService<FeedRunService>();
        await feeds.RunAsync("catalog", "test", force: false, progress: null, CancellationToken.None);
        var timer = FunctionsTests.Timers(services);

        await timer.Usgs(new TimerInfo { IsPastDue = true }, CancellationToken.None);

        var run = await QueueWorkers.RunLatestAsync(services, UsgsFeed.FeedName, count: 2);
        Assert.Equal(("timer", FeedRunStatus.Succeeded), (run.Trigger, run.Status));
        var files = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<UsgsOptions>>().Value.UrlList(services.GetRequiredService<UsgsManifest>()).Count;
        Assert.Equal(new FeedRunProgress(files, files, 0), run.Slices); // one slice per file
        Assert.True(run.Outcome!.Records.AddsUp);

        var function = ActivatorUtilities.CreateInstance<ApiTriggers>(services);
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = "/api/reserves";
        context.Request.QueryString = new QueryString("?mineral=cobalt&measure=reserves&country=COD");
        var (status, body) = await FunctionsTests.Execute(await function.ListReserves(context.Request, CancellationToken.None), context);

        Assert.Equal(200, status);
        // The newest edition that has cobalt: MCS 2026, Congo (Kinshasa) 6,000,000 t of a World total of 12,000,000 t.
        Assert.Equal(("MCS2026", "newest edition that has the mineral"), (body.GetProperty("edition").GetString(), body.GetProperty("editionSelection").GetString()));
        var congo = Assert.Single(body.GetProperty("items").EnumerateArray());
        Assert.Equal((6_000_000d, 0.5, 1), (congo.GetProperty("valueTons").GetDouble(), congo.GetProperty("shareOfWorld").GetDouble(), congo.GetProperty("rank").GetInt32()));
    }

    [Fact]
    public async Task A_file_that_cannot_be_fetched_makes_the_run_partially_failed_naming_it()
    {
        var settings = TestStorage.Settings(azurite);
        settings[SettingKeys.UsgsUrls] = "http://127.0.0.1:9/mcs2024-lithi_world.csv"; // discard port: nothing listens
        await using var services = TestStorage.Services(settings);
        var timer = FunctionsTests.Timers(services);

        await timer.Usgs(new TimerInfo(), CancellationToken.None);
        var run = await QueueWorkers.RunLatestAsync(services, UsgsFeed.FeedName);

        Assert.Equal(FeedRunStatus.PartiallyFailed, run.Status);
        Assert.Equal(new FeedRunProgress(1, 0, 1), run.Slices);
        Assert.Contains(run.Outcome!.FailedSlices, s => s.Contains("127.0.0.1:9", StringComparison.Ordinal));
    }
}
