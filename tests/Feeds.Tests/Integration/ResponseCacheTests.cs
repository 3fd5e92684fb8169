using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Azure.Core;
using Azure.Data.Tables;
using Feeds.Core.Catalog;
using Feeds.Core.Http;
using Feeds.Core.Pipeline;
using Feeds.Core.Storage;
using Feeds.Local;
using Feeds.Tests.Support;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Feeds.Tests.Integration;

/// <summary>
/// The data routes' response cache on real hosts over Azurite: equivalent queries share an entry, errors are never
/// stored, a completed run is seen at once in its host and within the check interval in another (two hosts, one
/// Azurite), operator routes are rendered every time, and the memory limit holds under thousands of distinct queries.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ResponseCacheTests(AzuriteFixture azurite)
{
    private const string Partners = "/api/trade/partners?reporter=USA&mineral=lithium&flow=M&year=2023";

    private static TradeRow Lithium(string iso3, int code, string name, double value) =>
        new("USA", 842, "lithium", 2023, 0, "M", "283691", "H6", false, [], code, iso3, name, value, value, null, null, false, false);

    private static async Task StoreAsync(LocalServer server, params TradeRow[] rows) =>
        await TableBatchWriter.UpsertReplaceAsync(server.App.Services.GetRequiredService<FeedTables>().Get(FeedTables.TradeFlows),
            [.. rows.Select(r => TradeEntities.ToEntity(r, "test", DateTimeOffset.UnixEpoch))], CancellationToken.None);

    private static async Task<(string ETag, double JapanShare)> PartnersAsync(LocalServer server)
    {
        using var response = await server.Client.GetAsync(Partners);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode} {text}");
        var japan = JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray()
            .Single(p => p.GetProperty("partner").GetString() == "JPN");
        return (response.Headers.ETag!.Tag, japan.GetProperty("sharePercent").GetDouble());
    }

    /// <summary>A host whose table requests are recorded.</summary>
    private static async Task<(LocalServer Server, RequestRecorder Recorder)> RecordedServerAsync(Dictionary<string, string?> settings)
    {
        var recorder = new RequestRecorder();
        var server = await LocalServer.StartAsync(settings, configureServices: services =>
        {
            var options = new TableClientOptions();
            options.AddPolicy(recorder, HttpPipelinePosition.PerCall);
            services.AddSingleton(new TableServiceClient(settings[SettingKeys.StorageConnection], options));
        });
        return (server, recorder);
    }

    private static List<Uri> Reads(RequestRecorder recorder, string? prefix, string table) =>
        [.. recorder.Requests.Where(r => r.AbsolutePath.Contains("/" + prefix + table, StringComparison.Ordinal))];

    /// <summary>Until the host's first version check is done, what it renders is keyed apart (and evicted by that check).</summary>
    private static async Task FirstCheckDoneAsync(LocalServer server)
    {
        var versions = server.App.Services.GetRequiredService<DataVersions>();
        var waited = Stopwatch.StartNew();
        while (versions[DataSets.Catalog] is null)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "the first version check did not finish");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task Parameter_order_and_case_share_an_entry_and_revalidation_is_answered_from_it()
    {
        var settings = TestStorage.Settings(azurite);
        var prefix = settings[SettingKeys.TablePrefix];
        var (server, recorder) = await RecordedServerAsync(settings);
        await using var _ = server;
        await StoreAsync(server, Lithium("JPN", 392, "Japan", 60), Lithium("CHL", 152, "Chile", 40));
        await FirstCheckDoneAsync(server);

        using var first = await server.Client.GetAsync(Partners);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotEmpty(Reads(recorder, prefix, FeedTables.TradeFlows));
        recorder.Clear();

        // The same question, parameters in another order and case, the default limit spelled out: the same bytes, from the entry.
        using var second = await server.Client.GetAsync("/api/trade/partners?YEAR=2023&flow=m&Mineral=LITHIUM&reporter=usa&limit=500");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Empty(Reads(recorder, prefix, FeedTables.TradeFlows));
        // The entry is shared, but only the documented spelling may be stored by a shared cache (the edge keys on the
        // documented names): the odd spelling is answered from memory with no-store.
        Assert.Equal("public, max-age=30, stale-while-revalidate=30", first.Headers.CacheControl?.ToString());
        Assert.Equal("no-store", second.Headers.CacheControl?.ToString());
        Assert.Contains("Accept", second.Headers.Vary);

        // If-None-Match: a 304 from the entry.
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, Partners);
        revalidate.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var notModified = await server.Client.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(Reads(recorder, prefix, FeedTables.TradeFlows));

        // Another representation is another entry.
        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, Partners);
        csvRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var csv = await server.Client.SendAsync(csvRequest);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual(first.Headers.ETag, csv.Headers.ETag);
        Assert.NotEmpty(Reads(recorder, prefix, FeedTables.TradeFlows));
    }

    [Fact]
    public async Task Errors_are_never_stored()
    {
        var settings = TestStorage.Settings(azurite);
        var server = await LocalServer.StartAsync(settings, seedCatalog: false);
        await using var _ = server;
        await FirstCheckDoneAsync(server);
        using var before = await server.Client.GetAsync("/api/minerals");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
        Assert.Equal("no-store", before.Headers.CacheControl?.ToString());

        // Another host publishes the catalog; this one's versions stay as they were (its next check is 30 s away),
        // so only an error that was never stored lets the same URL answer now.
        await using (await LocalServer.StartAsync(settings))
        {
        }

        using var after = await server.Client.GetAsync("/api/minerals");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task A_completed_run_is_seen_at_once_in_its_host_and_within_the_check_interval_in_another()
    {
        var settings = TestStorage.Settings(azurite);
        var hostA = await LocalServer.StartAsync(settings);
        await using var _ = hostA;
        var settingsB = new Dictionary<string, string?>(settings) { [SettingKeys.ApiCacheVersionCheckSeconds] = "1" };
        var hostB = await LocalServer.StartAsync(settingsB, seedCatalog: false);
        await using var __ = hostB;
        await StoreAsync(hostA, Lithium("JPN", 392, "Japan", 60), Lithium("CHL", 152, "Chile", 40));
        await FirstCheckDoneAsync(hostA);
        await FirstCheckDoneAsync(hostB);

        var (etagA, shareA) = await PartnersAsync(hostA);
        var (etagB, shareB) = await PartnersAsync(hostB);
        Assert.Equal(60.0, shareA);
        Assert.Equal((etagA, 60.0), (etagB, shareB));

        // Rows changed behind the feeds' back are not seen: both hosts answer from their entries.
        await StoreAsync(hostA, Lithium("JPN", 392, "Japan", 160));
        Assert.Equal((etagA, 60.0), await PartnersAsync(hostA));
        Assert.Equal((etagB, 60.0), await PartnersAsync(hostB));

        // A run that writes (the catalog, rewritten) completes in A: A's next request sees the new rows at once.
        var run = await hostA.App.Services.GetRequiredService<FeedRunService>()
            .RunAsync(CatalogFeed.FeedName, "test", force: true, progress: null, CancellationToken.None);
        Assert.Equal(FeedRunStatus.Succeeded, run.Status);
        var (newEtagA, newShareA) = await PartnersAsync(hostA);
        Assert.Equal(80.0, newShareA);
        Assert.NotEqual(etagA, newEtagA);

        // B sees it within its check interval (1 s here; a few intervals of slack for a loaded machine).
        var waited = Stopwatch.StartNew();
        (string ETag, double JapanShare) seen;
        do
        {
            seen = await PartnersAsync(hostB);
            if (seen.JapanShare != 60.0)
            {
                break;
            }

            await Task.Delay(100);
        }
        while (waited.Elapsed < TimeSpan.FromSeconds(5));

        Assert.Equal((newEtagA, 80.0), seen);
    }

    [Fact]
    public async Task Operator_routes_are_rendered_every_time_and_health_at_most_every_few_seconds()
    {
        var settings = TestStorage.Settings(azurite);
        var prefix = settings[SettingKeys.TablePrefix];
        var (server, recorder) = await RecordedServerAsync(settings);
        await using var _ = server;

        foreach (var (url, table) in new[] { ("/api/feeds", FeedTables.FeedRuns), ("/api/feeds/catalog/quarantine", FeedTables.FeedRuns) })
        {
            for (var i = 1; i <= 2; i++)
            {
                recorder.Clear();
                using var response = await server.Client.GetAsync(url);
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{url}: {response.StatusCode}");
                Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
                Assert.True(Reads(recorder, prefix, table).Count > 0, $"{url} request {i} was not rendered");
            }
        }

        // A run that stores nothing (the catalog again, unchanged) changes no data version, yet /api/feeds shows it at once.
        var run = await server.App.Services.GetRequiredService<FeedRunService>()
            .RunAsync(CatalogFeed.FeedName, "test", force: false, progress: null, CancellationToken.None);
        Assert.Equal(0, run.Outcome!.EntitiesWritten);
        Assert.Contains(run.RunId, await server.Client.GetStringAsync("/api/feeds"), StringComparison.Ordinal);

        // Health: computed, then reused for a few seconds (and computed again at once after a run in this host).
        recorder.Clear();
        Assert.Contains(run.RunId, await server.Client.GetStringAsync("/api/health"), StringComparison.Ordinal);
        Assert.NotEmpty(Reads(recorder, prefix, FeedTables.FeedRuns));
        recorder.Clear();
        using var reused = await server.Client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Equal("no-store", reused.Headers.CacheControl?.ToString());
        Assert.Empty(Reads(recorder, prefix, FeedTables.FeedRuns));
    }

    [Fact]
    public async Task Memory_stays_under_the_limit_when_thousands_of_distinct_queries_arrive()
    {
        var settings = TestStorage.Settings(azurite);
        settings[SettingKeys.ApiCacheSizeLimitMB] = "1";
        var server = await LocalServer.StartAsync(settings);
        await using var _ = server;
        const int Queries = 2000;

        var days = Enumerable.Range(0, Queries).Select(d => new DateOnly(2019, 1, 1).AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Parallel.ForEachAsync(days, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (day, ct) =>
        {
            using var response = await server.Client.GetAsync($"/api/countries?membership=QUAD&on={day}", ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        });

        var statistics = server.App.Services.GetRequiredService<IMemoryCache>().GetCurrentStatistics()!;
        Assert.InRange(statistics.CurrentEstimatedSize!.Value, 1, 1024 * 1024);
        // Entries were kept, and evicted: fewer remain than were asked for.
        Assert.InRange(statistics.CurrentEntryCount, 1, Queries - 1);
    }
}
