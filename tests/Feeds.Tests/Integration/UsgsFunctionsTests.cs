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

        var run = Assert.Single(await services.GetRequiredService<FeedRunStore>().LatestAsync(UsgsFeed.FeedName, 5, CancellationToken.None));
        Assert.Equal(("timer", FeedRunStatus.Succeeded), (run.Trigger, run.Status));

        var function = ActivatorUtilities.CreateInstance<DataTriggers>(services);
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
    public async Task Timer_fails_the_invocation_when_a_slice_fails()
    {
        var settings = TestStorage.Settings(azurite);
        settings[SettingKeys.UsgsUrls] = "http://127.0.0.1:9/mcs2024-lithi_world.csv"; // discard port: nothing listens
        await using var services = TestStorage.Services(settings);
        var timer = FunctionsTests.Timers(services);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => timer.Usgs(new TimerInfo(), CancellationToken.None));
        Assert.Contains("PartiallyFailed", error.Message);
        Assert.Contains("127.0.0.1:9", error.Message);
    }
}
