using System.Net;
using System.Text.Json;
using Feeds.Tests.Support;

namespace Feeds.Tests.Integration;

/// <summary>
/// The contract as a test: every route's responses — a success and each error kind — are declared by the OpenAPI
/// document for their status and media type, and their JSON bodies validate against its schemas.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OpenApiContractTests(AzuriteFixture azurite)
{
    private const string Json = "application/json";
    private const string Csv = "text/csv";

    /// <summary>Requests that succeed, one or more per operation of the document.</summary>
    public static TheoryData<string> Successes() =>
    [
        "/api/minerals", "/api/minerals?lists=IN2023,US2025", "/api/minerals?lists=US2025&counting=element&limit=5",
        "/api/minerals/lithium", "/api/minerals/ree",
        "/api/countries", "/api/countries?membership=MSP&on=2023-01-01",
        "/api/health", "/api/openapi.json",
        "/api/trade?reporter=USA&mineral=lithium&flow=M&from=2020&to=2024&limit=20",
        "/api/trade?reporter=CHN&mineral=graphite&flow=X&freq=M&partner=IND&from=2023-01&to=2024-12",
        "/api/trade?reporter=IND&mineral=graphite&flow=M&source=mirror&limit=5",
        "/api/trade/partners?reporter=USA&mineral=lithium&flow=M&year=2023",
        "/api/trade/partners?reporter=IND&mineral=graphite&flow=M&year=2023&source=mirror",
        "/api/trade/partners?reporter=CHN&mineral=graphite&flow=X&year=2023&month=12",
        "/api/trade/reconciliation?reporter=USA&mineral=lithium&flow=M&year=2023", "/api/trade/coverage",
        "/api/reserves?mineral=lithium", "/api/reserves?mineral=ree&edition=MCS2023&measure=mine-production",
        "/api/reserves/series?mineral=lithium&country=AUS&measure=mine-production",
        "/api/reserves/series?mineral=ree&country=WORLD&measure=reserves&editions=all",
        "/api/salient?mineral=lithium", "/api/salient?mineral=graphite&edition=MCS2026",
        "/api/indicators?reporter=IND&year=2023", "/api/indicators?reporter=USA&year=2023&mineral=lithium&scenario=india-us-cmpa",
        "/api/indicators?reporter=WORLD&year=2023",
        "/api/sourcing?mineral=lithium&buyer=IND",
        "/api/events", "/api/events?mineral=graphite&activeOn=2024-06-01&hs=250410",
        "/api/events/chn-2023-graphite-licensing/impact?reporter=CHN&partner=IND&mineral=graphite&hs=250410&months=6",
        "/api/snapshots", "/api/feeds", "/api/feeds/comtrade/quarantine",
    ];

    /// <summary>Requests each error kind a route can answer with, and the status it must be.</summary>
    public static TheoryData<string, int> Errors() => new()
    {
        { "/api/minerals?lists=XX2023", 400 }, { "/api/minerals?limit=0", 400 }, { "/api/minerals?nope=1", 400 },
        { "/api/minerals/nope", 404 }, { "/api/minerals/lithium?format=xml", 400 },
        { "/api/countries?membership=NOPE", 400 }, { "/api/countries?on=2023-13-01", 400 },
        { "/api/health?x=1", 400 }, { "/api/openapi.json?x=1", 400 },
        { "/api/trade?reporter=USAX&mineral=lithium", 400 }, { "/api/trade?reporter=USA&mineral=nope", 400 },
        { "/api/trade?reporter=USA&mineral=lithium&continuation=eyJhIjoxfQ", 400 },
        { "/api/trade/partners?reporter=USA&mineral=lithium&flow=M", 400 },
        { "/api/trade/reconciliation?reporter=USA&mineral=lithium&flow=Q&year=2023", 400 }, { "/api/trade/coverage?year=2023", 400 },
        { "/api/reserves?mineral=nope", 400 }, { "/api/reserves?mineral=lithium&edition=MCS1999", 400 },
        { "/api/reserves/series?mineral=lithium&country=AUS", 400 },
        { "/api/salient?mineral=lithium&edition=MCS1999", 400 },
        { "/api/indicators?reporter=IND&year=1900", 400 }, { "/api/sourcing?mineral=nope&buyer=IND", 400 },
        { "/api/events?activeOn=yesterday", 400 },
        { "/api/events/nope/impact?reporter=CHN&partner=IND&mineral=graphite", 404 },
        { "/api/snapshots?limit=-1", 400 }, { "/api/snapshots/latest/links?dataset=nope", 400 },
        { "/api/feeds?x=1", 400 }, { "/api/feeds/nope/quarantine", 404 },
    };

    [Fact]
    public void The_document_reads_without_diagnostics_and_every_operation_has_a_success_case()
    {
        var contract = OpenApiContract.Document;
        Assert.Empty(contract.Diagnostics);
        var covered = ((IEnumerable<object[]>)Successes()).Select(row => contract.TemplateOf(new Uri("http://h" + (string)row[0]).AbsolutePath)).ToHashSet();
        var uncovered = contract.Operations.Where(o => o.Method == "get" && !covered.Contains(o.Template)
            && o.Template is not ("/snapshots/latest" or "/snapshots/latest/links" or "/feeds/{feed}/runs/{runId}")).Select(o => o.Template).ToList();
        Assert.Empty(uncovered);
    }

    [Theory]
    [MemberData(nameof(Successes))]
    public async Task Successes_conform_as_json_and_as_csv(string url)
    {
        await AssertConforms(url, HttpStatusCode.OK, Json);
        if (!url.StartsWith("/api/openapi.json", StringComparison.Ordinal) && !url.StartsWith("/api/health", StringComparison.Ordinal))
        {
            await AssertConforms(url, HttpStatusCode.OK, Csv);
        }
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Errors_are_declared_problems_that_conform(string url, int status) =>
        await AssertConforms(url, (HttpStatusCode)status, Json);

    [Fact]
    public async Task Latest_snapshot_answers_conform_whether_or_not_one_is_published()
    {
        var server = await azurite.SeededServerAsync();
        using var latest = await server.Client.GetAsync("/api/snapshots/latest");
        await AssertConforms("/api/snapshots/latest", latest.StatusCode, Json);
        await AssertConforms("/api/snapshots/latest/links", latest.StatusCode, Json);
    }

    /// <summary>A run needs starting before its status can be read (so it is not among <see cref="Successes"/>).</summary>
    [Fact]
    public async Task A_started_run_and_its_status_conform()
    {
        var server = await azurite.SeededServerAsync();
        using var started = await server.Client.PostAsync("/api/feeds/catalog/runs", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var declared = OpenApiContract.Document.Response("/feeds/{feed}/runs", "post", 202);
        Assert.NotNull(declared);
        var schema = OpenApiContract.Document.Schema(declared, "application/json")!;
        Assert.Empty(OpenApiContract.Validate(schema, JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement));

        var location = started.Headers.Location!.OriginalString;
        await AssertConforms(location, HttpStatusCode.OK, Json);
        await AssertConforms(location, HttpStatusCode.OK, Csv);
        await AssertConforms(location[..^6] + "ffffff", HttpStatusCode.NotFound, Json);
        await AssertConforms("/api/feeds/catalog/runs/latest", HttpStatusCode.BadRequest, Json);

        // The seeded server's workers finish the run, so the other tests on this server see the catalog's latest run ended.
        for (var i = 0; i < 600 && (await server.Client.GetStringAsync(location)).Contains("\"status\":\"Running\"", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
        }
    }

    [Theory]
    [InlineData("/api/minerals")]
    [InlineData("/api/trade/partners?reporter=USA&mineral=lithium&flow=M&year=2023")]
    [InlineData("/api/health")]
    public async Task An_unsatisfiable_accept_is_a_declared_406_problem(string url) =>
        await AssertConforms(url, HttpStatusCode.NotAcceptable, "image/png");

    [Fact]
    public async Task A_rate_limited_answer_is_a_declared_429_problem_with_retry_after()
    {
        var settings = TestStorage.Settings(azurite);
        settings[Feeds.Local.SettingKeys.RateLimitPermitsPerMinute] = "1";
        await using var server = await LocalServer.StartAsync(settings, seedCatalog: false);
        using var first = await server.Client.GetAsync("/api/health");
        using var limited = await server.Client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var declared = OpenApiContract.Document.Response("/health", "get", 429);
        Assert.NotNull(declared);
        var body = JsonDocument.Parse(await limited.Content.ReadAsStringAsync()).RootElement;
        Assert.Empty(OpenApiContract.Validate(OpenApiContract.Document.Schema(declared, "application/problem+json")!, body));
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        // Every operation declares it: the edge limits every route.
        Assert.All(OpenApiContract.Document.Operations, o => Assert.NotNull(OpenApiContract.Document.Response(o.Template, o.Method, 429)));
    }

    /// <summary>Errors the host answers before any route (method, target length) are problems of the documented shape.</summary>
    [Fact]
    public async Task Host_level_errors_are_documented_problems()
    {
        var server = await azurite.SeededServerAsync();
        var problem = OpenApiContract.Document.Response("/minerals", "get", 400)!;
        var schema = OpenApiContract.Document.Schema(problem, "application/problem+json")!;
        using var post = await server.Client.PostAsync("/api/minerals", new StringContent("{}"));
        using var longTarget = await server.Client.GetAsync("/api/minerals?lists=" + new string('A', 20_000));
        foreach (var (response, status) in new[] { (post, 405), (longTarget, 414) })
        {
            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Empty(OpenApiContract.Validate(schema, body));
        }
    }

    private async Task AssertConforms(string url, HttpStatusCode expected, string accept)
    {
        var server = await azurite.SeededServerAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await server.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{url} ({accept}): {(int)response.StatusCode} {text[..Math.Min(text.Length, 400)]}");

        var contract = OpenApiContract.Document;
        var template = contract.TemplateOf(new Uri(server.Client.BaseAddress!, url).AbsolutePath);
        Assert.True(template is not null, $"{url}: no path of the document matches");
        var declared = contract.Response(template, "get", (int)response.StatusCode);
        Assert.True(declared is not null, $"{url}: {(int)response.StatusCode} is not declared for GET {template}");

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        Assert.True(mediaType is not null, $"{url}: no Content-Type");
        var schema = contract.Schema(declared, mediaType);
        Assert.True(schema is not null, $"{url}: {(int)response.StatusCode} {mediaType} is not declared for GET {template}");
        if (mediaType.EndsWith("json", StringComparison.Ordinal))
        {
            var failures = OpenApiContract.Validate(schema, JsonDocument.Parse(text).RootElement);
            Assert.True(failures.Count == 0, $"{url}: {string.Join("\n", failures.Take(15))}");
        }
    }
}
