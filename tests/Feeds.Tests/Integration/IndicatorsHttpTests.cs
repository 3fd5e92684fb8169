using System.Net;
using System.Text.Json;
using Feeds.Tests.Support;

namespace Feeds.Tests.Integration;

/// <summary>
/// The indicator, sourcing and event routes on the seeded local host (every feed run from the offline replay, the
/// indicators recomputed after each): values agree with /api/trade/partners and /api/reserves.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class IndicatorsHttpTests(AzuriteFixture azurite)
{
    private async Task<JsonElement> GetJson(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var server = await azurite.SeededServerAsync();
        using var response = await server.Client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{url}: {response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Theory]
    [InlineData("USA", "lithium")]
    [InlineData("IND", "graphite")]
    public async Task Import_indicators_equal_the_partner_shares_route(string reporter, string mineral)
    {
        var partners = await GetJson($"/api/trade/partners?reporter={reporter}&mineral={mineral}&flow=M&year=2023");
        var body = await GetJson($"/api/indicators?reporter={reporter}&year=2023&mineral={mineral}");
        var imports = body.GetProperty("items").EnumerateArray().Single().GetProperty("imports");

        Assert.Equal(partners.GetProperty("partnerSumUsd").GetDouble(), imports.GetProperty("importValueUsd").GetDouble(), 6);
        Assert.Equal(partners.GetProperty("hhi").GetDouble(), imports.GetProperty("hhi").GetDouble(), 6);
        Assert.Equal(partners.GetProperty("chinaSharePercent").GetDouble(), imports.GetProperty("chinaSharePercent").GetDouble(), 6);
        Assert.Equal(partners.GetProperty("partnerCount").GetInt32(), imports.GetProperty("sourceCount").GetInt32());
        var top = partners.GetProperty("items")[0];
        Assert.Equal(top.GetProperty("partner").GetString(), imports.GetProperty("topSource").GetString());
        Assert.Equal(top.GetProperty("sharePercent").GetDouble(), imports.GetProperty("topSourceSharePercent").GetDouble(), 6);
    }

    [Fact]
    public async Task A_reporter_year_lists_every_mineral_with_supply_beside_imports_and_the_us_net_import_reliance()
    {
        var body = await GetJson("/api/indicators?reporter=USA&year=2023");
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.True(items.Count > 1);
        var lithium = items.Single(i => i.GetProperty("mineral").GetString() == "lithium");
        Assert.Equal(1903.27, lithium.GetProperty("reserves").GetProperty("hhi").GetDouble(), 2);
        Assert.True(lithium.GetProperty("dependsOnWithheld").GetBoolean()); // US lithium production is W
        // USGS's own figures beside the Comtrade ones, labelled with their source: net import reliance ">50" stays a bound.
        var usgs = lithium.GetProperty("usNetImportReliance");
        Assert.Equal((">50", "lower bound", "MCS2026"), (usgs.GetProperty("netImportReliance").GetString(), usgs.GetProperty("netImportRelianceQualifier").GetString(), usgs.GetProperty("edition").GetString()));
        Assert.StartsWith("USGS MCS2026", usgs.GetProperty("netImportRelianceSource").GetString());
        // China is not among lithium's US import sources (Chile, Argentina, other countries): no share, no rank.
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (usgs.GetProperty("chinaImportSharePercent").ValueKind, usgs.GetProperty("chinaImportRank").ValueKind));
        Assert.True(lithium.GetProperty("dependsOnBounded").GetBoolean());
        Assert.False(body.GetProperty("isScenario").GetBoolean());
    }

    [Fact]
    public async Task World_concentration_agrees_with_the_reserves_route()
    {
        var reserves = await GetJson("/api/reserves?mineral=lithium&edition=MCS2024&measure=reserves");
        var expected = reserves.GetProperty("items").EnumerateArray()
            .Where(i => !i.GetProperty("isAggregate").GetBoolean() && i.GetProperty("rank").ValueKind == JsonValueKind.Number)
            .Sum(i => Math.Pow(i.GetProperty("valueTons").GetDouble() / 28_000_000 * 100, 2));
        var body = await GetJson("/api/indicators?reporter=WORLD&year=2023&mineral=lithium");
        var world = body.GetProperty("items").EnumerateArray().Single().GetProperty("reserves");

        Assert.Equal(Math.Round(expected, 2), world.GetProperty("hhi").GetDouble(), 6); // HHI shown to 2 decimals
        Assert.Equal("world-total", world.GetProperty("shareBasis").GetString());

        // 2023 production: the newest edition with that year is MCS 2025 (China 255,000 of a World total of 376,000 t).
        var ree = await GetJson("/api/indicators?reporter=WORLD&year=2023&mineral=ree");
        var production = ree.GetProperty("items")[0].GetProperty("production");
        Assert.Equal("MCS2025", production.GetProperty("edition").GetString());
        var reeRows = await GetJson("/api/reserves?mineral=ree&edition=MCS2025&measure=mine-production&country=CHN");
        var china2023 = reeRows.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("year").GetInt32() == 2023).GetProperty("valueTons").GetDouble();
        Assert.Equal(Math.Round(china2023 / 376_000 * 100, 4), production.GetProperty("chinaSharePercent").GetDouble(), 9);
    }

    [Fact]
    public async Task The_scenario_adds_india_to_the_us_free_trade_share_and_says_so()
    {
        var plain = await GetJson("/api/indicators?reporter=USA&year=2023&mineral=lithium");
        var scenario = await GetJson("/api/indicators?reporter=USA&year=2023&mineral=lithium&scenario=india-us-cmpa");
        Assert.True(scenario.GetProperty("isScenario").GetBoolean());
        Assert.Equal("india-us-cmpa", scenario.GetProperty("scenario").GetString());
        var before = plain.GetProperty("items")[0].GetProperty("imports");
        var after = scenario.GetProperty("items")[0].GetProperty("imports");
        Assert.Equal(before.GetProperty("usftaScenarioSharePercent").GetDouble(), after.GetProperty("usftaSharePercent").GetDouble(), 9);
        Assert.True(after.GetProperty("usftaSharePercent").GetDouble() >= before.GetProperty("usftaSharePercent").GetDouble());
    }

    [Fact]
    public async Task Sourcing_ranks_lithium_suppliers_for_india_with_memberships_and_reasons()
    {
        var body = await GetJson("/api/sourcing?mineral=lithium&buyer=IND");
        var items = body.GetProperty("items").EnumerateArray().ToList();
        var iso3 = items.Select(i => i.GetProperty("iso3").GetString()).ToList();
        Assert.Equal("CHL", iso3[0]); // largest reserves in MCS 2026 (9.2 of 37 Mt)
        Assert.Contains("AUS", iso3.Take(2)); // largest mine production
        Assert.Contains("ARG", iso3);
        var australia = items.Single(i => i.GetProperty("iso3").GetString() == "AUS");
        var memberships = australia.GetProperty("memberships").EnumerateArray().Select(m => m.GetString()).ToList();
        // Memberships of today (the MSP was succeeded by FORGE on 2026-02-04).
        var today = DateOnly.Parse(body.GetProperty("membershipsOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(today < new DateOnly(2026, 2, 5) ? ["MSP", "QUAD", "USFTA"] : ["QUAD", "USFTA"], memberships);
        Assert.Equal(Math.Round(8.4 / 37 * 100, 4), australia.GetProperty("reservesSharePercent").GetDouble(), 9);
        Assert.NotEmpty(australia.GetProperty("reasons").EnumerateArray());
        Assert.DoesNotContain("IND", iso3);

        var rareEarths = await GetJson("/api/sourcing?mineral=ree&buyer=USA&scenario=india-us-cmpa");
        Assert.True(rareEarths.GetProperty("isScenario").GetBoolean());
        var india = rareEarths.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("iso3").GetString() == "IND");
        Assert.Contains("USFTA", india.GetProperty("memberships").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains(rareEarths.GetProperty("items").EnumerateArray(), i => i.GetProperty("iso3").GetString() == "MYS");
    }

    [Fact]
    public async Task Events_serve_the_reference_controls_filtered_by_mineral()
    {
        var all = await GetJson("/api/events");
        Assert.True(all.GetProperty("count").GetInt32() >= 8);
        var gallium = await GetJson("/api/events?mineral=gallium");
        Assert.All(gallium.GetProperty("items").EnumerateArray(), e => Assert.Contains("gallium", e.GetProperty("minerals").EnumerateArray().Select(m => m.GetString())));
        Assert.Contains(gallium.GetProperty("items").EnumerateArray(), e => e.GetProperty("date").GetString() == "2023-08-01");
    }

    [Theory]
    [InlineData("/api/indicators?reporter=USA", "year")]
    [InlineData("/api/indicators?reporter=USA&year=20x3", "year")]
    [InlineData("/api/indicators?reporter=XXX&year=2023", "reporter")]
    [InlineData("/api/indicators?reporter=USA&year=2023&mineral=nope", "mineral")]
    [InlineData("/api/indicators?reporter=USA&year=2023&scenario=other", "scenario")]
    [InlineData("/api/sourcing?mineral=lithium&buyer=CHN", "buyer")]
    [InlineData("/api/sourcing?mineral=lithium", "buyer")]
    [InlineData("/api/sourcing?mineral=nope&buyer=IND", "mineral")]
    [InlineData("/api/events?mineral=nope", "mineral")]
    public async Task Bad_parameters_are_400_naming_the_parameter(string url, string parameter)
    {
        var problem = await GetJson(url, HttpStatusCode.BadRequest);
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Csv_has_a_header_row()
    {
        var server = await azurite.SeededServerAsync();
        var csv = await server.Client.GetStringAsync("/api/indicators?reporter=IND&year=2023&format=csv");
        Assert.StartsWith("scope,mineral,year,import_value_usd", csv, StringComparison.Ordinal);
        var sourcing = await server.Client.GetStringAsync("/api/sourcing?mineral=lithium&buyer=IND&format=csv");
        Assert.StartsWith("rank,iso3,name", sourcing, StringComparison.Ordinal);
    }
}
