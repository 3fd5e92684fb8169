using System.Net;
using System.Text.Json;
using Feeds.Core.Pipeline;
using Feeds.Core.Reserves;
using Feeds.Local;
using Feeds.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Feeds.Tests.Integration;

/// <summary><c>GET /api/reserves</c> over real HTTP on the local host, after an offline run of the usgs feed on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReservesApiHttpTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private LocalServer _server = null!;

    public async Task InitializeAsync()
    {
        var settings = TestStorage.Settings(azurite);
        settings[SettingKeys.SourcesOffline] = "true";
        _server = await LocalServer.StartAsync(settings);
        var run = await _server.App.Services.GetRequiredService<FeedRunService>()
            .RunAsync(UsgsFeed.FeedName, "test", force: false, progress: null, CancellationToken.None);
        Assert.Equal(FeedRunStatus.Succeeded, run.Status);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<JsonElement> GetJson(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await _server.Client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{url}: {response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static JsonElement Item(JsonElement body, string measure, string country, int year) =>
        body.GetProperty("items").EnumerateArray().Single(i =>
            i.GetProperty("measure").GetString() == measure && i.GetProperty("countryKey").GetString() == country && i.GetProperty("year").GetInt32() == year);

    [Fact]
    public async Task Lithium_reserves_by_country_with_shares_of_the_world_total_and_ranks()
    {
        var body = await GetJson("/api/reserves?mineral=lithium");

        Assert.Equal("MCS2024", body.GetProperty("edition").GetString());
        Assert.False(body.GetProperty("isSample").GetBoolean());
        var australia = Item(body, "reserves", "AUS", 2023);
        Assert.Equal(6_200_000d, australia.GetProperty("valueTons").GetDouble());
        Assert.Equal(0.2214, australia.GetProperty("shareOfWorld").GetDouble()); // 6.2 Mt of 28 Mt
        Assert.Equal(2, australia.GetProperty("rank").GetInt32());
        Assert.Equal("world-total", australia.GetProperty("shareBasis").GetString());
        Assert.Equal("lithium content", australia.GetProperty("basis").GetString());
        Assert.Equal((1, 0.3321), (Item(body, "reserves", "CHL", 2023).GetProperty("rank").GetInt32(), Item(body, "reserves", "CHL", 2023).GetProperty("shareOfWorld").GetDouble()));
        Assert.Equal(3, Item(body, "reserves", "ARG", 2023).GetProperty("rank").GetInt32());
        Assert.Equal(4, Item(body, "reserves", "CHN", 2023).GetProperty("rank").GetInt32());
        var world = Item(body, "reserves", "WORLD", 2023);
        Assert.Equal((28_000_000d, true, 1d), (world.GetProperty("valueTons").GetDouble(), world.GetProperty("isAggregate").GetBoolean(), world.GetProperty("shareOfWorld").GetDouble()));
        Assert.Equal(JsonValueKind.Null, world.GetProperty("rank").ValueKind);
        Assert.Equal(0.1, Item(body, "reserves", "OTHERS", 2023).GetProperty("shareOfWorld").GetDouble());

        // Production: the World total excludes the US, whose production is withheld.
        var production = Item(body, "mine-production", "AUS", 2023);
        Assert.Equal((0.4778, 1, "Excludes U.S. production."), (production.GetProperty("shareOfWorld").GetDouble(), production.GetProperty("rank").GetInt32(), production.GetProperty("worldTotalExcludes").GetString()));
        var us = Item(body, "mine-production", "USA", 2023);
        Assert.Equal(("withheld", JsonValueKind.Null), (us.GetProperty("qualifier").GetString(), us.GetProperty("shareOfWorld").ValueKind));
        var totals = body.GetProperty("totals").EnumerateArray().Single(t => t.GetProperty("measure").GetString() == "mine-production" && t.GetProperty("year").GetInt32() == 2023);
        Assert.Equal("Excludes U.S. production.", totals.GetProperty("worldTotalExcludes").GetString());

        var salient = body.GetProperty("usSalient");
        Assert.Equal((">25", "lower bound", "AUS"), (salient.GetProperty("netImportReliance").GetString(), salient.GetProperty("netImportRelianceQualifier").GetString(), salient.GetProperty("leadingProducerIso3").GetString()));
    }

    [Fact]
    public async Task Filters_by_country_measure_and_edition_keep_shares_over_the_whole_world()
    {
        var australia = await GetJson("/api/reserves?mineral=LITHIUM&country=aus&measure=reserves");
        var only = Assert.Single(australia.GetProperty("items").EnumerateArray());
        Assert.Equal((0.2214, 2), (only.GetProperty("shareOfWorld").GetDouble(), only.GetProperty("rank").GetInt32()));

        var ree2023 = await GetJson("/api/reserves?mineral=ree&edition=mcs2023&measure=mine-production");
        Assert.Equal("MCS2023", ree2023.GetProperty("edition").GetString());
        var china = Item(ree2023, "mine-production", "CHN", 2022);
        Assert.Equal((210_000d, "estimated", 0.7), (china.GetProperty("valueTons").GetDouble(), china.GetProperty("qualifier").GetString(), china.GetProperty("shareOfWorld").GetDouble()));

        var latest = await GetJson("/api/reserves?mineral=ree&measure=mine-production");
        Assert.Equal(["MCS2024", "MCS2023"], latest.GetProperty("editions").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(240_000d, Item(latest, "mine-production", "CHN", 2023).GetProperty("valueTons").GetDouble());
    }

    [Fact]
    public async Task Bounds_and_missing_world_totals_say_what_the_shares_are_over()
    {
        var nickel = await GetJson("/api/reserves?mineral=nickel&measure=reserves");
        var indonesia = Item(nickel, "reserves", "IDN", 2023);
        Assert.Equal((0.4231, "world-total-lower-bound"), (indonesia.GetProperty("shareOfWorld").GetDouble(), indonesia.GetProperty("shareBasis").GetString()));

        // Rhenium's World total reserves are NA ("Large"): shares are over the sum of the rows.
        var rhenium = await GetJson("/api/reserves?mineral=rhenium&measure=reserves");
        var chile = Item(rhenium, "reserves", "CHL", 2023);
        Assert.Equal("sum-of-rows", chile.GetProperty("shareBasis").GetString());
        Assert.Equal(Math.Round(1_300_000d / (400_000 + 95_000 + 1_300_000 + 19_200 + 190_000 + 310_000), 4), chile.GetProperty("shareOfWorld").GetDouble());
    }

    [Fact]
    public async Task Csv_has_a_row_per_item()
    {
        var csv = await _server.Client.GetStringAsync("/api/reserves?mineral=lithium&measure=reserves&format=csv");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("edition,measure,product,year,country_key,iso3,country,", lines[0]);
        Assert.Equal(12, lines.Length); // header + 9 countries + Other countries + World total
        Assert.Contains(lines, l => l.StartsWith("MCS2024,reserves,main,2023,AUS,AUS,Australia,Australia,false,6200000,exact,false,6200000,t,,lithium content,0.2214,2,world-total,", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/reserves", HttpStatusCode.BadRequest, "mineral")]
    [InlineData("/api/reserves?mineral=Li'%20or%201", HttpStatusCode.BadRequest, "mineral")]
    [InlineData("/api/reserves?mineral=lithium&edition=2024", HttpStatusCode.BadRequest, "edition")]
    [InlineData("/api/reserves?mineral=lithium&measure=output", HttpStatusCode.BadRequest, "measure")]
    [InlineData("/api/reserves?mineral=lithium&country=Australia", HttpStatusCode.BadRequest, "country")]
    [InlineData("/api/reserves?mineral=lithium&country=XYZ", HttpStatusCode.BadRequest, "country")]
    [InlineData("/api/reserves?mineral=lithium&year=2023", HttpStatusCode.BadRequest, "year")]
    [InlineData("/api/reserves?mineral=unobtainium", HttpStatusCode.NotFound, null)]
    public async Task Bad_parameters_are_problems_naming_them(string url, HttpStatusCode status, string? parameter)
    {
        using var response = await _server.Client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        if (parameter is not null)
        {
            Assert.Equal(parameter, body.GetProperty("parameter").GetString());
        }
    }

    [Fact]
    public async Task A_mineral_the_feed_has_no_rows_for_is_an_empty_list()
    {
        var body = await GetJson("/api/reserves?mineral=uranium");

        Assert.Equal(0, body.GetProperty("count").GetInt32());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("edition").ValueKind);
    }
}
