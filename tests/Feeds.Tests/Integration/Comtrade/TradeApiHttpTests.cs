using System.Globalization;
using System.Net;
using System.Text.Json;
using Feeds.Local;
using Feeds.Tests.Support;

namespace Feeds.Tests.Integration.Comtrade;

/// <summary>/api/trade and /api/trade/partners over real HTTP, on data the feed stored from the offline replay.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TradeApiHttpTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private LocalServer _server = null!;

    public async Task InitializeAsync() => _server = await azurite.SeededServerAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<JsonElement> Get(string url)
    {
        using var response = await _server.Client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task Trade_rows_for_usa_lithium_imports_carry_the_real_figures()
    {
        var body = await Get("/api/trade?reporter=usa&mineral=Lithium&flow=M&from=2020&to=2024&partner=CHN&hs=283691");

        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(5, items.Count);
        var y2023 = items.Single(i => i.GetProperty("year").GetInt32() == 2023);
        Assert.Equal(753908d, y2023.GetProperty("valueUsd").GetDouble());
        Assert.Equal(54811d, y2023.GetProperty("netWeightKg").GetDouble());
        Assert.False(y2023.GetProperty("isSample").GetBoolean());
        Assert.Equal("CHN", y2023.GetProperty("partner").GetString());
    }

    [Fact]
    public async Task Shared_codes_are_left_out_unless_asked_for_and_the_answer_says_which_were_used()
    {
        var without = await Get("/api/trade?reporter=USA&mineral=gallium&flow=M");
        var codes = without.GetProperty("hsCodes").EnumerateArray().ToList();
        Assert.Contains(codes, c => c.GetProperty("code").GetString() == "811292" && !c.GetProperty("used").GetBoolean());
        Assert.Empty(without.GetProperty("items").EnumerateArray());

        var with = await Get("/api/trade?reporter=USA&mineral=gallium&flow=M&includeShared=true");
        Assert.NotEmpty(with.GetProperty("items").EnumerateArray());
        Assert.All(with.GetProperty("items").EnumerateArray(), i => Assert.True(i.GetProperty("shared").GetBoolean()));
    }

    [Fact]
    public async Task Paging_through_continuation_returns_every_row_once()
    {
        var all = (await Get("/api/trade?reporter=USA&mineral=lithium&limit=1000")).GetProperty("items").GetArrayLength();
        var seen = new HashSet<string>();
        string? url = "/api/trade?reporter=USA&mineral=lithium&limit=7";
        while (url is not null)
        {
            using var response = await _server.Client.GetAsync(url);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            foreach (var i in body.GetProperty("items").EnumerateArray())
            {
                Assert.True(seen.Add($"{i.GetProperty("year")}-{i.GetProperty("flow")}-{i.GetProperty("hs6")}-{i.GetProperty("partnerCode")}"));
            }

            url = response.Headers.TryGetValues("Link", out var links) ? links.Single().Split(';')[0].Trim('<', '>') : null;
        }

        Assert.True(all > 7);
        Assert.Equal(all, seen.Count);
    }

    [Fact]
    public async Task A_forged_or_foreign_continuation_is_a_400_naming_it()
    {
        var first = await Get("/api/trade?reporter=USA&mineral=lithium&limit=5");
        var token = first.GetProperty("continuation").GetString()!;

        // Its own query (in CSV too: format and limit may change between pages) accepts it.
        using (var same = await _server.Client.GetAsync($"/api/trade?mineral=lithium&reporter=USA&limit=7&format=csv&continuation={Uri.EscapeDataString(token)}"))
        {
            Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        }

        foreach (var url in new[]
        {
            "/api/trade?reporter=USA&mineral=lithium&continuation=eyJhIjoxfQ==", // a hand-made token: it once gave an empty 200
            $"/api/trade?reporter=IND&mineral=lithium&continuation={Uri.EscapeDataString(token)}", // another partition's query
            $"/api/trade?reporter=USA&mineral=lithium&flow=X&continuation={Uri.EscapeDataString(token)}", // other filters
            $"/api/minerals?continuation={Uri.EscapeDataString(token)}", // another route
            $"/api/trade?reporter=USA&mineral=lithium&continuation={Uri.EscapeDataString(token[..^2])}", // truncated
        })
        {
            using var response = await _server.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("continuation", body.GetProperty("parameter").GetString());
        }
    }

    [Fact]
    public async Task Partner_shares_add_up_and_match_the_rows()
    {
        var partners = await Get("/api/trade/partners?reporter=USA&mineral=lithium&flow=M&year=2023");
        var rows = (await Get("/api/trade?reporter=USA&mineral=lithium&flow=M&from=2023&to=2023")).GetProperty("items").EnumerateArray().ToList();

        var items = partners.GetProperty("items").EnumerateArray().ToList();
        // Shares are shown to 4 decimals (docs/api.md), so they add up to 100 within the rounding of each.
        Assert.Equal(100, items.Sum(i => i.GetProperty("sharePercent").GetDouble()), 3);
        Assert.All(items, i => Assert.Equal(Math.Round(i.GetProperty("sharePercent").GetDouble(), 4), i.GetProperty("sharePercent").GetDouble()));
        // Money is the exact decimal sum of the published figures: no binary-float noise in the total.
        Assert.Equal((double)items.Sum(i => i.GetProperty("valueUsd").GetDecimal()), partners.GetProperty("partnerSumUsd").GetDouble());
        var world = rows.Where(r => r.GetProperty("isWorld").GetBoolean()).Sum(r => r.GetProperty("valueUsd").GetDouble());
        Assert.Equal(world, partners.GetProperty("worldTotalUsd").GetDouble(), 3);
        var partnerSum = rows.Where(r => !r.GetProperty("isWorld").GetBoolean()).Sum(r => r.GetProperty("valueUsd").GetDouble());
        Assert.Equal(partnerSum, partners.GetProperty("partnerSumUsd").GetDouble(), 3);
        Assert.Equal(world - partnerSum, partners.GetProperty("gapUsd").GetDouble(), 3);
        // HHI from the unrounded shares, rounded to 2 decimals once.
        var sum = items.Sum(i => i.GetProperty("valueUsd").GetDouble());
        var hhi = items.Sum(i => Math.Pow(i.GetProperty("valueUsd").GetDouble() / sum * 100, 2));
        Assert.Equal(Math.Round(hhi, 2), partners.GetProperty("hhi").GetDouble(), 6);
        var china = items.Single(i => i.GetProperty("partner").GetString() == "CHN");
        Assert.Equal(china.GetProperty("sharePercent").GetDouble(), partners.GetProperty("chinaSharePercent").GetDouble(), 9);
        Assert.True(partners.GetProperty("containsSample").GetBoolean());
    }

    [Fact]
    public async Task Partner_shares_as_csv()
    {
        const string url = "/api/trade/partners?reporter=IND&mineral=graphite&flow=M&year=2022";
        var csv = await _server.Client.GetStringAsync(url + "&format=csv");
        var json = JsonDocument.Parse(await _server.Client.GetStringAsync(url)).RootElement;
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("rank,partner_code,partner,partner_name,value_usd,share_percent,hs6,from_months,is_sample,"
            + "source,partner_sum_usd,world_total_usd,gap_usd,china_share_percent,hhi,partner_count", lines[0]);
        Assert.StartsWith("1,156,CHN,China,", lines[1]);

        // The summary the JSON envelope carries is on every CSV row, with the same values.
        using var reader = new CsvHelper.CsvReader(new StringReader(csv), CultureInfo.InvariantCulture);
        reader.Read();
        reader.ReadHeader();
        var rows = 0;
        while (reader.Read())
        {
            rows++;
            var cells = reader.HeaderRecord!.ToDictionary(h => h, h => reader.GetField(h)!);
            Assert.Equal("true", cells["is_sample"]);
            Assert.Equal(json.GetProperty("source").GetString(), cells["source"]);
            Assert.Equal(json.GetProperty("chinaSharePercent").GetDouble(), double.Parse(cells["china_share_percent"], CultureInfo.InvariantCulture), 9);
            Assert.Equal(json.GetProperty("hhi").GetDouble(), double.Parse(cells["hhi"], CultureInfo.InvariantCulture), 9);
            Assert.Equal(json.GetProperty("partnerCount").GetInt32(), int.Parse(cells["partner_count"], CultureInfo.InvariantCulture));
            Assert.Equal(json.GetProperty("partnerSumUsd").GetDouble(), double.Parse(cells["partner_sum_usd"], CultureInfo.InvariantCulture), 2);
        }

        Assert.Equal(json.GetProperty("items").GetArrayLength(), rows);
    }

    /// <summary>China's monthly graphite exports to India, 2023-2024, from the real table: the expected values are read from it here.</summary>
    private static Dictionary<string, double> TableValues(string partner, int fromYear, int toYear) =>
        File.ReadLines(Path.Combine(Feeds.Local.RepositoryRoot.Find(), "data", "comtrade", "real", "china-exports-monthly", "deep_dive_hs6_monthly.excerpt.csv"))
            .Skip(1).Select(l => l.Split(','))
            .Where(f => f[1] == partner && int.Parse(f[0][..4], CultureInfo.InvariantCulture) is var y && y >= fromYear && y <= toYear)
            .ToDictionary(f => $"{f[0][..7]}|{f[2]}", f => double.Parse(f[3], CultureInfo.InvariantCulture));

    [Fact]
    public async Task Monthly_rows_serve_chinas_real_exports_to_india()
    {
        var body = await Get("/api/trade?reporter=CHN&mineral=graphite&flow=X&freq=M&partner=IND&from=2023-01&to=2024-12&limit=1000");

        var expected = TableValues("India", 2023, 2024);
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("M", body.GetProperty("freq").GetString());
        Assert.Equal("2023-01", body.GetProperty("from").GetString());
        Assert.Equal(expected.Count, items.Count);
        foreach (var item in items)
        {
            var key = $"{item.GetProperty("year").GetInt32():D4}-{item.GetProperty("month").GetInt32():D2}|{item.GetProperty("hs6").GetString()}";
            Assert.Equal(expected[key], item.GetProperty("valueUsd").GetDouble());
            Assert.False(item.GetProperty("isSample").GetBoolean());
            Assert.Equal("IND", item.GetProperty("partner").GetString());
        }

        Assert.Contains(items, i => i.GetProperty("hs6").GetString() == "250410");
        Assert.Contains(items, i => i.GetProperty("hs6").GetString() == "380110");
        // Annual (the default) and monthly rows share the partition and never mix.
        var annual = await Get("/api/trade?reporter=CHN&mineral=graphite&flow=X&partner=IND&from=2023&to=2024");
        Assert.All(annual.GetProperty("items").EnumerateArray(), i => Assert.Equal(0, i.GetProperty("month").GetInt32()));
    }

    [Fact]
    public async Task The_mirror_view_gives_indias_graphite_imports_from_china_as_china_reports_them()
    {
        var body = await Get("/api/trade/partners?reporter=IND&mineral=graphite&flow=M&year=2023&source=mirror");

        var china = body.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("partner").GetString() == "CHN");
        Assert.Equal(TableValues("India", 2023, 2023).Values.Sum(), china.GetProperty("valueUsd").GetDouble(), 6);
        Assert.False(china.GetProperty("isSample").GetBoolean());
        Assert.True(china.GetProperty("fromMonths").GetBoolean());
        Assert.Equal("mirror", body.GetProperty("source").GetString());
        Assert.False(body.GetProperty("containsSample").GetBoolean());
        Assert.Contains("mirror", body.GetProperty("basis").GetString(), StringComparison.Ordinal);

        // One month of it.
        var december = await Get("/api/trade/partners?reporter=IND&mineral=graphite&flow=M&year=2023&month=12&source=mirror");
        var expected = TableValues("India", 2023, 2023).Where(v => v.Key.StartsWith("2023-12", StringComparison.Ordinal)).Sum(v => v.Value);
        Assert.Equal(expected, december.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("partner").GetString() == "CHN").GetProperty("valueUsd").GetDouble(), 6);
    }

    [Fact]
    public async Task Reconciliation_puts_what_the_us_reports_beside_what_china_reports()
    {
        var body = await Get("/api/trade/reconciliation?reporter=USA&mineral=lithium&flow=M&year=2023");
        var reported = await Get("/api/trade/partners?reporter=USA&mineral=lithium&flow=M&year=2023");
        var mirror = await Get("/api/trade/partners?reporter=USA&mineral=lithium&flow=M&year=2023&source=mirror");

        var china = body.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("partner").GetString() == "CHN");
        double Value(JsonElement shares) => shares.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("partner").GetString() == "CHN").GetProperty("valueUsd").GetDouble();
        Assert.Equal(Value(reported), china.GetProperty("reportedUsd").GetDouble(), 6);
        Assert.Equal(Value(mirror), china.GetProperty("mirrorUsd").GetDouble(), 6);
        Assert.Equal(Value(reported) - Value(mirror), china.GetProperty("gapUsd").GetDouble(), 6);
        Assert.Equal(Value(reported) / Value(mirror), china.GetProperty("ratio").GetDouble(), 9);
        Assert.Equal(JsonValueKind.Null, china.GetProperty("missing").ValueKind);
        Assert.Equal("CIF", china.GetProperty("reportedBasis").GetString());
        Assert.Equal("FOB", china.GetProperty("mirrorBasis").GetString());
        Assert.False(china.GetProperty("isSample").GetBoolean());
        // Partners only one side reports are flagged, not dropped.
        Assert.All(body.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("mirrorUsd").ValueKind == JsonValueKind.Null),
            i => Assert.Equal("mirror", i.GetProperty("missing").GetString()));

        var csv = await _server.Client.GetStringAsync("/api/trade/reconciliation?reporter=USA&mineral=lithium&flow=M&year=2023&format=csv");
        Assert.StartsWith("partner_code,partner,partner_name,reported_usd,reported_basis,mirror_usd,mirror_basis,gap_usd,ratio,missing,", csv);
        Assert.Contains("\r\n156,CHN,China,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coverage_lists_what_the_feed_pulls_from_its_settings()
    {
        // The seeded server pulls 2020-2024 (FromYear/ToYear) for the default reporters and mirrored countries.
        var body = await Get("/api/trade/coverage");

        Assert.Equal(2020, body.GetProperty("fromYear").GetInt32());
        Assert.Equal(2024, body.GetProperty("toYear").GetInt32());
        Assert.Equal([2020, 2021, 2022, 2023, 2024], body.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()));
        Assert.Equal(["A", "M"], body.GetProperty("frequencies").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("2020-01", body.GetProperty("firstMonth").GetString());
        var sources = body.GetProperty("items").EnumerateArray().ToDictionary(
            i => i.GetProperty("reporter").GetString()!, i => string.Join(",", i.GetProperty("sources").EnumerateArray().Select(s => s.GetString())));
        Assert.Equal(new Dictionary<string, string> { ["IND"] = "reported,mirror", ["USA"] = "reported,mirror", ["CHN"] = "reported" }, sources);
        Assert.False(body.GetProperty("isSample").GetBoolean());

        var csv = await _server.Client.GetStringAsync("/api/trade/coverage?format=csv");
        Assert.StartsWith("reporter,sources,frequencies,from_year,to_year,is_sample\r\nIND,reported;mirror,A;M,2020,2024,false\r\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coverage_follows_other_settings()
    {
        // A live deployment's window (no FromYear/ToYear: the five years to last year), annual data only, India mirrored only.
        var settings = TestStorage.Settings(azurite);
        settings[SettingKeys.ComtradeToYear] = "2025";
        settings[SettingKeys.ComtradeFrequencies] = "A";
        settings[SettingKeys.ComtradeReporters] = "USA";
        settings[SettingKeys.ComtradeMirrorOf] = "IND";
        await using var server = await LocalServer.StartAsync(settings, seedCatalog: false);

        var body = JsonDocument.Parse(await server.Client.GetStringAsync("/api/trade/coverage")).RootElement;

        Assert.Equal([2021, 2022, 2023, 2024, 2025], body.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("firstMonth").ValueKind);
        Assert.Equal(
            ["USA:reported", "IND:mirror"],
            body.GetProperty("items").EnumerateArray().Select(i => $"{i.GetProperty("reporter").GetString()}:{string.Join(",", i.GetProperty("sources").EnumerateArray().Select(s => s.GetString()))}"));
        using var bad = await server.Client.GetAsync("/api/trade/coverage?year=2023");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("year", JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("parameter").GetString());
    }

    [Theory]
    [InlineData("/api/trade?mineral=lithium", "reporter")]
    [InlineData("/api/trade?reporter=USA", "mineral")]
    [InlineData("/api/trade?reporter=US&mineral=lithium", "reporter")]
    [InlineData("/api/trade?reporter=XXX&mineral=lithium", "reporter")]
    [InlineData("/api/trade?reporter=USA&mineral=kryptonite", "mineral")]
    [InlineData("/api/trade?reporter=USA&mineral=lithium&flow=Z", "flow")]
    [InlineData("/api/trade?reporter=USA&mineral=lithium&from=2024&to=2020", "from")]
    [InlineData("/api/trade?reporter=USA&mineral=lithium&from=20x4", "from")]
    [InlineData("/api/trade?reporter=USA&mineral=lithium&hs=2836", "hs")]
    [InlineData("/api/trade?reporter=USA&mineral=lithium&hs=260500", "hs")]
    [InlineData("/api/trade?reporter=USA&mineral=lithium&partner=Narnia", "partner")]
    [InlineData("/api/trade?reporter=USA&mineral=lithium&continuation=%25%25%25", "continuation")]
    [InlineData("/api/trade?reporter=USA&mineral=lithium&includeShared=maybe", "includeShared")]
    [InlineData("/api/trade?reporter=USA&mineral=lithium%27%20or%20PartitionKey%20ne%20%27", "mineral")]
    [InlineData("/api/trade/partners?reporter=USA&mineral=lithium&flow=M", "year")]
    [InlineData("/api/trade/partners?reporter=USA&mineral=lithium&year=2023", "flow")]
    [InlineData("/api/trade?reporter=CHN&mineral=graphite&freq=M&from=2023", "from")]
    [InlineData("/api/trade?reporter=CHN&mineral=graphite&freq=M&from=2023-13", "from")]
    [InlineData("/api/trade?reporter=CHN&mineral=graphite&freq=M&from=2024-02&to=2023-12", "from")]
    [InlineData("/api/trade?reporter=CHN&mineral=graphite&freq=Q", "freq")]
    [InlineData("/api/trade?reporter=IND&mineral=graphite&source=both", "source")]
    [InlineData("/api/trade/partners?reporter=CHN&mineral=graphite&flow=X&year=2023&month=13", "month")]
    [InlineData("/api/trade/reconciliation?reporter=USA&mineral=lithium&flow=M", "year")]
    [InlineData("/api/trade/reconciliation?reporter=USA&mineral=lithium&year=2023&flow=B", "flow")]
    public async Task Bad_parameters_are_400s_naming_them(string url, string parameter)
    {
        using var response = await _server.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(parameter, body.GetProperty("parameter").GetString());
    }
}
