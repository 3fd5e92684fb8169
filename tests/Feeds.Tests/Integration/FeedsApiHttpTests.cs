using System.Net;
using System.Text.Json;
using Feeds.Core.Pipeline;
using Feeds.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Feeds.Tests.Integration;

/// <summary>The operator routes: feed runs with their counts, and a run's quarantined records.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FeedsApiHttpTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Feeds_lists_every_feed_with_runs_whose_counts_add_up()
    {
        var server = await azurite.SeededServerAsync();

        var body = JsonDocument.Parse(await server.Client.GetStringAsync("/api/feeds?runs=3")).RootElement;

        var feeds = body.GetProperty("items").EnumerateArray().ToDictionary(f => f.GetProperty("feed").GetString()!);
        Assert.Superset(new HashSet<string> { "catalog", "comtrade", "usgs" }, feeds.Keys.ToHashSet());
        foreach (var feed in feeds.Values)
        {
            Assert.Equal("fresh", feed.GetProperty("freshness").GetString());
            var run = feed.GetProperty("runs")[0];
            Assert.Equal("Succeeded", run.GetProperty("status").GetString());
            var r = run.GetProperty("records");
            Assert.Equal(r.GetProperty("read").GetInt64(),
                r.GetProperty("stored").GetInt64() + r.GetProperty("unchanged").GetInt64() + r.GetProperty("superseded").GetInt64() + r.GetProperty("quarantined").GetInt64()
                + r.GetProperty("outOfScope").GetInt64());
        }
    }

    [Fact]
    public async Task Quarantine_shows_the_latest_run_that_rejected_records()
    {
        await using var server = await LocalServer.StartAsync(TestStorage.Settings(azurite));
        var services = server.App.Services;
        var started = new DateTimeOffset(2026, 11, 20, 1, 0, 0, TimeSpan.Zero);
        var bad = new FeedRunRecord("comtrade", "20261120T010000000Z-0a1b2c", "timer", FeedRunStatus.Succeeded, started, started.AddMinutes(1),
            new FeedRunOutcome(new RecordCounts(10, 8, 0, 0, 2), 8, 0, 3, 0, []), null);
        var clean = bad with { RunId = "20261121T010000000Z-0d1e2f", StartedAt = started.AddDays(1), FinishedAt = started.AddDays(1).AddMinutes(1),
            Outcome = new FeedRunOutcome(new RecordCounts(10, 10, 0, 0, 0), 10, 0, 3, 0, []) };
        await services.GetRequiredService<FeedRunStore>().SaveAsync(bad, CancellationToken.None);
        await services.GetRequiredService<FeedRunStore>().SaveAsync(clean, CancellationToken.None);
        await services.GetRequiredService<QuarantineStore>().AddAsync("comtrade", bad.RunId,
            [new("UN Comtrade", "USA 283691", "flowCode 'RX' was not requested", "{\"flowCode\":\"RX\"}"), new("UN Comtrade", "USA 283691", "primaryValue is missing", "{}")],
            0, CancellationToken.None);

        var body = JsonDocument.Parse(await server.Client.GetStringAsync("/api/feeds/comtrade/quarantine")).RootElement;

        Assert.Equal(bad.RunId, body.GetProperty("run").GetProperty("runId").GetString());
        var reasons = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("reason").GetString()).ToList();
        Assert.Equal(["flowCode 'RX' was not requested", "primaryValue is missing"], reasons);

        var latest = JsonDocument.Parse(await server.Client.GetStringAsync($"/api/feeds/comtrade/quarantine?runId={clean.RunId}")).RootElement;
        Assert.Empty(latest.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task The_anonymous_list_shows_a_failure_by_category_and_the_keyed_route_shows_its_message()
    {
        await using var server = await LocalServer.StartAsync(TestStorage.Settings(azurite));
        var store = server.App.Services.GetRequiredService<FeedRunStore>();
        var started = TimeProvider.System.GetUtcNow().AddMinutes(-5);
        const string secret = "HTTP 503 from Comtrade for https://comtradeapi.un.org/data/v1/get/C/A/HS?reporterCode=842 after retries: quota 12/450";
        var failed = new FeedRunRecord("comtrade", "20261128T010000000Z-0a1b2c", "timer", FeedRunStatus.Failed, started, started.AddMinutes(1), null, secret)
        {
            ErrorCategory = FeedErrors.Category(new Feeds.Core.Trade.ComtradeException(secret), cancelled: false),
        };
        var partial = failed with
        {
            RunId = "20261128T020000000Z-0d1e2f", StartedAt = started.AddMinutes(2), FinishedAt = started.AddMinutes(3), Status = FeedRunStatus.PartiallyFailed,
            Error = null, ErrorCategory = null,
            Outcome = new FeedRunOutcome(new RecordCounts(0, 0, 0, 0, 0), 0, 0, 0, 0, ["USA-A-2023: " + secret]),
        };
        await store.SaveAsync(failed, CancellationToken.None);
        await store.SaveAsync(partial, CancellationToken.None);

        var text = await server.Client.GetStringAsync("/api/feeds?runs=2");
        Assert.DoesNotContain("comtradeapi.un.org", text, StringComparison.Ordinal);
        Assert.DoesNotContain("quota", text, StringComparison.Ordinal);
        var runs = JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray()
            .Single(f => f.GetProperty("feed").GetString() == "comtrade").GetProperty("runs");
        Assert.Equal(["USA-A-2023"], runs[0].GetProperty("failedSlices").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("source", runs[1].GetProperty("errorCategory").GetString());
        Assert.Equal(JsonValueKind.Null, runs[1].GetProperty("error").ValueKind);

        // Behind the function key (in Azure): the whole message and every reason.
        var keyed = JsonDocument.Parse(await server.Client.GetStringAsync($"/api/feeds/comtrade/quarantine?runId={failed.RunId}")).RootElement.GetProperty("run");
        Assert.Equal(secret, keyed.GetProperty("error").GetString());
        Assert.Equal("source", keyed.GetProperty("errorCategory").GetString());
        var keyedPartial = JsonDocument.Parse(await server.Client.GetStringAsync($"/api/feeds/comtrade/quarantine?runId={partial.RunId}")).RootElement.GetProperty("run");
        Assert.Equal("USA-A-2023: " + secret, keyedPartial.GetProperty("failedSlices")[0].GetString());
    }

    [Theory]
    [InlineData("/api/feeds/nope/quarantine", HttpStatusCode.NotFound, null)]
    [InlineData("/api/feeds/comtrade/quarantine?runId=latest", HttpStatusCode.BadRequest, "runId")]
    [InlineData("/api/feeds/comtrade/quarantine?runId=20991231T000000000Z-abcdef", HttpStatusCode.NotFound, null)]
    [InlineData("/api/feeds?runs=0", HttpStatusCode.BadRequest, "runs")]
    [InlineData("/api/feeds?runs=51", HttpStatusCode.BadRequest, "runs")]
    public async Task Bad_requests_are_problems(string url, HttpStatusCode status, string? parameter)
    {
        var server = await azurite.SeededServerAsync();
        using var response = await server.Client.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        if (parameter is not null)
        {
            Assert.Equal(parameter, body.GetProperty("parameter").GetString());
        }
    }
}
