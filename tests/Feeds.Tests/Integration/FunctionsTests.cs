using System.Text.Json;
using Feeds.Core.Catalog;
using Feeds.Core.Pipeline;
using Feeds.Functions.Triggers;
using Feeds.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Feeds.Tests.Integration;

/// <summary>The Functions app's classes called directly (the compiled worker cannot run without the Functions host).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FunctionsTests(AzuriteFixture azurite)
{
    public static async Task<(int Status, JsonElement Body)> Execute(IResult result, HttpContext context)
    {
        context.Response.Body = new MemoryStream();
        await result.ExecuteAsync(context);
        var bytes = ((MemoryStream)context.Response.Body).ToArray();
        return (context.Response.StatusCode, JsonDocument.Parse(bytes).RootElement.Clone());
    }

    public static FeedTimerFunctions Timers(IServiceProvider services) => new(
        new FeedTimerRunner(services.GetRequiredService<FeedRunStarter>(), NullLogger<FeedTimerRunner>.Instance),
        services.GetRequiredService<FeedFreshness>(),
        services.GetRequiredService<Feeds.Core.Snapshots.SnapshotExporter>(),
        NullLogger<FeedTimerFunctions>.Instance);

    private static HttpContext Context(IServiceProvider services, string query)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        // DefaultHttpContext leaves the method empty; the shared handler serves GET and HEAD only.
        context.Request.Method = HttpMethods.Get;
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("feeds.example");
        context.Request.Path = "/api/minerals";
        context.Request.QueryString = new QueryString(query);
        return context;
    }

    [Fact]
    public async Task Timer_seeds_the_catalog_and_http_triggers_serve_it()
    {
        await using var services = await TestStorage.CreateAsync(azurite);
        var timer = Timers(services);

        await timer.Catalog(new TimerInfo { IsPastDue = true }, CancellationToken.None);

        // The timer only queued the run; a queue worker runs it.
        var run = await QueueWorkers.RunLatestAsync(services, CatalogFeed.FeedName);
        Assert.Equal(("timer", FeedRunStatus.Succeeded), (run.Trigger, run.Status));

        var functions = ActivatorUtilities.CreateInstance<ApiTriggers>(services);
        var context = Context(services, "?lists=IN2023,US2025");
        var (status, body) = await Execute(await functions.ListMinerals(context.Request, CancellationToken.None), context);
        Assert.Equal(200, status);
        Assert.Equal(26, body.GetProperty("count").GetInt32());

        var missing = Context(services, "");
        var (notFound, problem) = await Execute(await functions.GetMineral(missing.Request, "unobtainium", CancellationToken.None), missing);
        Assert.Equal(404, notFound);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Freshness_timer_logs_stale_feeds_at_error_level()
    {
        await using var services = await TestStorage.CreateAsync(azurite);
        await services.GetRequiredService<FeedRunService>().RunAsync(CatalogFeed.FeedName, "test", false, null, CancellationToken.None);
        var logger = new Microsoft.Extensions.Logging.Testing.FakeLogger<FeedTimerFunctions>();
        var timers = new FeedTimerFunctions(
            new FeedTimerRunner(services.GetRequiredService<FeedRunStarter>(), NullLogger<FeedTimerRunner>.Instance),
            services.GetRequiredService<FeedFreshness>(), services.GetRequiredService<Feeds.Core.Snapshots.SnapshotExporter>(), logger);

        await timers.Freshness(new TimerInfo(), CancellationToken.None);

        var records = logger.Collector.GetSnapshot();
        string? Freshness(string feed) => records.Single(r => r.StructuredState!.Any(kv => kv.Key == "Feed" && kv.Value == feed))
            .StructuredState!.Single(kv => kv.Key == "Freshness").Value;
        Assert.Equal("Fresh", Freshness(CatalogFeed.FeedName));
        Assert.Equal("Stale", Freshness("comtrade")); // never ran here
        Assert.All(records.Where(r => r.Message.Contains("Stale", StringComparison.Ordinal)), r => Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Error, r.Level));
    }

    [Fact]
    public async Task Timer_fails_the_invocation_when_the_run_cannot_be_planned()
    {
        using var files = new CatalogFiles();
        files.Edit(CatalogLoader.ListsFile, doc => doc["lists"]![0]!["entries"]![0]!["mineral"] = "nothing");
        await using var services = await TestStorage.CreateAsync(azurite, s => s.AddSingleton<ICatalogFiles>(files.Files));
        var timer = Timers(services);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => timer.Catalog(new TimerInfo(), CancellationToken.None));
        Assert.Contains("lists.json", error.Message);
    }
}
