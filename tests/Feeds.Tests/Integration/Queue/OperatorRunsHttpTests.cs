using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Feeds.Core.Pipeline;
using Feeds.Core.Reserves;
using Feeds.Local;
using Feeds.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moq;

namespace Feeds.Tests.Integration.Queue;

/// <summary>
/// <c>POST /api/feeds/{feed}/runs</c> and <c>GET /api/feeds/{feed}/runs/{runId}</c> on the local host over real HTTP:
/// its in-process workers run the queued slices on Azurite.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OperatorRunsHttpTests(AzuriteFixture azurite)
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static async Task<JsonElement> UntilEndedAsync(HttpClient client, Uri location)
    {
        for (var i = 0; i < 1200; i++)
        {
            using var response = await client.GetAsync(location);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var run = await Json(response);
            if (run.GetProperty("status").GetString() != "Running")
            {
                return run;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{location} still Running");
    }

    [Fact]
    public async Task Posting_a_usgs_run_answers_202_with_a_location_that_reports_it_succeeded()
    {
        var settings = TestStorage.Settings(azurite);
        settings[SettingKeys.SourcesOffline] = "true";
        settings[SettingKeys.LocalWorkers] = "3";
        await using var server = await LocalServer.StartAsync(settings);

        using var response = await server.Client.PostAsync("/api/feeds/usgs/runs", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Matches("^/api/feeds/usgs/runs/[0-9]{8}T[0-9]{9}Z-[0-9a-f]{6}$", location.OriginalString);
        // One slice per configured file.
        var files = server.App.Services.GetRequiredService<IOptions<UsgsOptions>>().Value.UrlList(server.App.Services.GetRequiredService<UsgsManifest>()).Count;
        var accepted = await Json(response);
        Assert.Equal(("Running", files), (accepted.GetProperty("status").GetString(), accepted.GetProperty("slices").GetProperty("planned").GetInt32()));

        var run = await UntilEndedAsync(server.Client, location);
        Assert.Equal("Succeeded", run.GetProperty("status").GetString());
        Assert.Equal("operator", run.GetProperty("trigger").GetString());
        var slices = run.GetProperty("slices");
        Assert.Equal((files, files, 0), (slices.GetProperty("planned").GetInt32(), slices.GetProperty("done").GetInt32(), slices.GetProperty("failed").GetInt32()));
        var r = run.GetProperty("records");
        Assert.True(r.GetProperty("stored").GetInt64() > 1000);
        Assert.Equal(r.GetProperty("read").GetInt64(),
            r.GetProperty("stored").GetInt64() + r.GetProperty("unchanged").GetInt64() + r.GetProperty("superseded").GetInt64() + r.GetProperty("quarantined").GetInt64()
            + r.GetProperty("outOfScope").GetInt64());

        // The data is served, and the indicators followed the run.
        using var reserves = await server.Client.GetAsync("/api/reserves?mineral=cobalt&measure=reserves&country=COD");
        Assert.Equal(HttpStatusCode.OK, reserves.StatusCode);
        using var indicators = await server.Client.GetAsync("/api/indicators?reporter=WORLD&year=2023");
        Assert.Equal(HttpStatusCode.OK, indicators.StatusCode);

        using var csv = await server.Client.GetAsync(location + "?format=csv");
        Assert.StartsWith("run_id,status,slices_planned,slices_done,slices_failed", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_start_while_a_run_runs_answers_409_with_the_running_runs_location()
    {
        var release = new TaskCompletionSource<FeedRunOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        var feed = new Mock<IFeedRunner>();
        feed.SetupGet(f => f.Name).Returns("probe");
        feed.SetupGet(f => f.MaxAge).Returns(TimeSpan.FromDays(1));
        feed.SetupGet(f => f.RequestFields).Returns([]);
        feed.Setup(f => f.Check(It.IsAny<FeedRunRequest>())).Returns([]);
        feed.Setup(f => f.PlanAsync(It.IsAny<FeedRunRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync([new FeedSlice("the one slice", "one")]);
        feed.Setup(f => f.RunSliceAsync(It.IsAny<FeedSlice>(), It.IsAny<FeedRunContext>(), It.IsAny<CancellationToken>())).Returns(release.Task);
        await using var server = await LocalServer.StartAsync(TestStorage.Settings(azurite), configureServices: s => s.AddSingleton(feed.Object));

        using var first = await server.Client.PostAsync("/api/feeds/probe/runs", null);
        using var second = await server.Client.PostAsync("/api/feeds/probe/runs", JsonContent.Create(new { force = true }));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var problem = await Json(second);
        Assert.Equal(("tag:feeds,2026:problem:run-in-progress", 409), (problem.GetProperty("type").GetString(), problem.GetProperty("status").GetInt32()));

        release.SetResult(new FeedRunOutcome(new RecordCounts(1, 1, 0, 0, 0), 1, 0, 1, 0, []));
        Assert.Equal("Succeeded", (await UntilEndedAsync(server.Client, first.Headers.Location!)).GetProperty("status").GetString());
        using var third = await server.Client.PostAsync("/api/feeds/probe/runs", null);
        Assert.Equal(HttpStatusCode.Accepted, third.StatusCode);
        Assert.NotEqual(first.Headers.Location, third.Headers.Location);
    }

    [Theory]
    [InlineData("comtrade", "{\"from\":2030,\"to\":2024}", "from")]
    [InlineData("comtrade", "{\"from\":1900}", "from")]
    [InlineData("comtrade", "{\"to\":\"2024\"}", "to")]
    [InlineData("comtrade", "{\"reporters\":[\"IN\"]}", "reporters")]
    [InlineData("comtrade", "{\"reporters\":\"IND\"}", "reporters")]
    [InlineData("comtrade", "{\"reporters\":[\"XXX\"]}", "reporters")]
    [InlineData("comtrade", "{\"force\":\"yes\"}", "force")]
    [InlineData("comtrade", "{\"force\":true,\"FORCE\":false}", "force")]
    [InlineData("comtrade", "{\"form\":2010}", "form")]
    [InlineData("comtrade", "[2010,2024]", "body")]
    [InlineData("comtrade", "{\"from\":2010", "body")]
    [InlineData("usgs", "{\"from\":2010}", "from")]
    [InlineData("catalog", "{\"reporters\":[\"IND\"]}", "reporters")]
    public async Task A_bad_body_is_a_400_problem_naming_the_field_and_starts_nothing(string feed, string body, string field)
    {
        await using var server = await LocalServer.StartAsync(TestStorage.Settings(azurite));
        var runs = server.App.Services.GetRequiredService<FeedRunStore>();
        var before = await runs.LatestAsync(feed, 5, CancellationToken.None);

        using var response = await server.Client.PostAsync($"/api/feeds/{feed}/runs", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Json(response);
        Assert.Equal(("tag:feeds,2026:problem:invalid-body", field), (problem.GetProperty("type").GetString(), problem.GetProperty("parameter").GetString()));
        Assert.Equal(before.Count, (await runs.LatestAsync(feed, 5, CancellationToken.None)).Count);
    }

    [Theory]
    [InlineData("POST", "/api/feeds/nope/runs")]
    [InlineData("GET", "/api/feeds/nope/runs/20261126T010000123Z-0a1b2c")]
    [InlineData("GET", "/api/feeds/usgs/runs/20261126T010000123Z-0a1b2c")]
    public async Task An_unknown_feed_or_run_is_a_404_problem(string method, string url)
    {
        await using var server = await LocalServer.StartAsync(TestStorage.Settings(azurite));

        using var response = await server.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_malformed_run_id_is_a_400_problem_naming_it()
    {
        await using var server = await LocalServer.StartAsync(TestStorage.Settings(azurite));

        using var response = await server.Client.GetAsync("/api/feeds/usgs/runs/latest");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("runId", (await Json(response)).GetProperty("parameter").GetString());
    }
}
