using System.Globalization;
using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Feeds.Core.Indicators;
using Feeds.Core.Storage;
using Feeds.Local;
using Feeds.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Feeds.Tests.Integration;

/// <summary>
/// The policy register and event studies over real HTTP on the local host, with real monthly China→India rows
/// (data/comtrade/real) stored in TradeFlows as the monthly trade feed stores them. The impact route must give the
/// sums a client computes from /api/trade for the same months.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EventsHttpTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Graphite2023 = "chn-2023-graphite-licensing";
    private LocalServer _server = null!;

    /// <summary>(year, month) → (value, kg): China's real monthly 250410 exports to India, June 2022 – May 2024 (data/comtrade/real).</summary>
    private static readonly Dictionary<(int Year, int Month), (double Value, double Kg)> Real = File
        .ReadAllLines(Path.Combine(RepositoryRoot.Find(), "data", "comtrade", "real", "china-exports-monthly", "deep_dive_hs6_monthly.excerpt.csv"))
        .Skip(1)
        .Select(line => line.Split(','))
        .Where(f => f[1] == "India" && f[2] == "250410" && string.CompareOrdinal(f[0], "2022-06") >= 0 && string.CompareOrdinal(f[0], "2024-06") < 0)
        .ToDictionary(
            f => (int.Parse(f[0][..4], CultureInfo.InvariantCulture), int.Parse(f[0][5..7], CultureInfo.InvariantCulture)),
            f => (double.Parse(f[3], CultureInfo.InvariantCulture), double.Parse(f[4], CultureInfo.InvariantCulture)));

    private static TradeRow Row(int year, int month, double value, double? kg, string flow = "X", string hs = "250410", int partner = 699, string key = "IND", string name = "India") =>
        new("CHN", 156, "graphite", year, month, flow, hs, "H6", false, [], partner, key, name, value, flow == "M" ? value : null, flow == "X" ? value : null, kg, false, false);

    public async Task InitializeAsync()
    {
        _server = await LocalServer.StartAsync(TestStorage.Settings(azurite));
        var table = _server.App.Services.GetRequiredService<FeedTables>().Get(FeedTables.TradeFlows);
        var rows = Real.Select(r => Row(r.Key.Year, r.Key.Month, r.Value.Value, r.Value.Kg)).ToList();
        // Rows the study must leave out: the annual figure, another partner, the other flow and another code of graphite.
        rows.Add(Row(2023, 0, 11_275_404, null));
        rows.Add(Row(2023, 12, 999, 1, partner: 842, key: "USA", name: "United States"));
        rows.Add(Row(2023, 12, 888, 1, flow: "M"));
        rows.Add(Row(2023, 12, 777, 1, hs: "380110"));
        // Annual US lithium imports for the indicator years 2023 and 2026: Japan 60, Chile 40.
        foreach (var year in new[] { 2023, 2026 })
        {
            rows.Add(new TradeRow("USA", 842, "lithium", year, 0, "M", "283691", "H6", false, [], 392, "JPN", "Japan", 60, 60, null, null, false, false));
            rows.Add(new TradeRow("USA", 842, "lithium", year, 0, "M", "283691", "H6", false, [], 152, "CHL", "Chile", 40, 40, null, null, false, false));
        }

        await TableBatchWriter.UpsertReplaceAsync(table, [.. rows.Select(r => TradeEntities.ToEntity(r, "test", DateTimeOffset.UnixEpoch))], CancellationToken.None);
        await _server.App.Services.GetRequiredService<IndicatorsService>().RecomputeAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<JsonElement> GetJson(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await _server.Client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{url}: {response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Every monthly row /api/trade serves for the query, following its continuation.</summary>
    private async Task<List<JsonElement>> TradeMonthsAsync(string query)
    {
        var items = new List<JsonElement>();
        string? continuation = null;
        do
        {
            var body = await GetJson("/api/trade?freq=M&" + query + (continuation is null ? "" : "&continuation=" + Uri.EscapeDataString(continuation)));
            items.AddRange(body.GetProperty("items").EnumerateArray());
            continuation = body.TryGetProperty("continuation", out var next) ? next.GetString() : null;
        }
        while (continuation is not null);

        Assert.All(items, i => Assert.InRange(i.GetProperty("month").GetInt32(), 1, 12));
        return items;
    }

    private static JsonElement Window(JsonElement body, string name) =>
        body.GetProperty("items").EnumerateArray().Single(w => w.GetProperty("window").GetString() == name);

    [Fact]
    public async Task Impact_sums_equal_the_monthly_rows_served_by_the_trade_route()
    {
        var body = await GetJson($"/api/events/{Graphite2023}/impact?reporter=CHN&partner=IND&mineral=graphite&hs=250410&months=6");
        var trade = await TradeMonthsAsync("reporter=CHN&mineral=graphite&flow=X&partner=IND&hs=250410&from=2022-01&to=2024-12");
        Assert.Equal(24, trade.Count);

        Assert.Equal("2023-12", body.GetProperty("referenceMonth").GetString()); // in force 2023-12-01
        Assert.Equal("X", body.GetProperty("flow").GetString()); // China is the measure's country: its exports
        Assert.Equal(["250410"], body.GetProperty("hsCodes").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal(4, body.GetProperty("count").GetInt32());
        foreach (var (name, from, to) in new[]
        {
            ("before", "2023-06", "2023-11"), ("after", "2023-12", "2024-05"),
            ("baseline-before", "2022-06", "2022-11"), ("baseline-after", "2022-12", "2023-05"),
        })
        {
            var window = Window(body, name);
            var months = trade.Where(i =>
            {
                var key = $"{i.GetProperty("year").GetInt32():D4}-{i.GetProperty("month").GetInt32():D2}";
                return string.CompareOrdinal(key, from) >= 0 && string.CompareOrdinal(key, to) <= 0;
            }).ToList();
            var value = months.Sum(i => i.GetProperty("valueUsd").GetDouble());
            var kg = months.Sum(i => i.GetProperty("netWeightKg").GetDouble());

            Assert.Equal((from, to), (window.GetProperty("from").GetString(), window.GetProperty("to").GetString()));
            Assert.Equal(6, months.Count);
            Assert.Equal(6, window.GetProperty("monthsWithData").GetInt32());
            Assert.Empty(window.GetProperty("missingMonths").EnumerateArray());
            Assert.Equal(value, window.GetProperty("valueUsd").GetDouble(), 6);
            Assert.Equal(kg, window.GetProperty("netWeightKg").GetDouble(), 6);
            Assert.Equal(value / kg, window.GetProperty("unitValueUsdPerKg").GetDouble(), 9);
            Assert.False(window.GetProperty("isSample").GetBoolean());
        }

        // Written out from the real file: before 6,197,988 US$ / 12,274,706 kg; after 1,349,747 US$ / 3,893,940 kg.
        Assert.Equal(6_197_988, Window(body, "before").GetProperty("valueUsd").GetDouble(), 6);
        Assert.Equal(1_349_747, Window(body, "after").GetProperty("valueUsd").GetDouble(), 6);
        var change = body.GetProperty("change");
        Assert.Equal(Math.Round((1_349_747.0 - 6_197_988) / 6_197_988 * 100, 4), change.GetProperty("valuePercent").GetDouble(), 9); // percentages to 4 decimals
        var unitBefore = 6_197_988.0 / 12_274_706;
        var unitAfter = 1_349_747.0 / 3_893_940;
        Assert.Equal(Math.Round((unitAfter - unitBefore) / unitBefore * 100, 4), change.GetProperty("unitValuePercent").GetDouble(), 9);
        Assert.Equal(JsonValueKind.Number, body.GetProperty("baselineChange").GetProperty("valuePercent").ValueKind);
        Assert.Equal(24, body.GetProperty("monthly").GetArrayLength());
    }

    [Fact]
    public async Task An_absent_month_is_reported_and_never_counted_as_zero()
    {
        var table = _server.App.Services.GetRequiredService<FeedTables>().Get(FeedTables.TradeFlows);
        var february = Row(2024, 2, Real[(2024, 2)].Value, Real[(2024, 2)].Kg);
        await table.DeleteEntityAsync(february.PartitionKey, february.RowKey);
        try
        {
            var body = await GetJson($"/api/events/{Graphite2023}/impact?reporter=CHN&partner=IND&mineral=graphite&hs=250410");
            var after = Window(body, "after");
            Assert.Equal(["2024-02"], after.GetProperty("missingMonths").EnumerateArray().Select(m => m.GetString()));
            Assert.Equal(5, after.GetProperty("monthsWithData").GetInt32());
            var sum = new[] { (2023, 12), (2024, 1), (2024, 3), (2024, 4), (2024, 5) }.Sum(m => Real[m].Value);
            Assert.Equal(sum, after.GetProperty("valueUsd").GetDouble(), 6);
            Assert.Equal(sum / 5, after.GetProperty("valueUsdPerMonth").GetDouble(), 6);
            var perMonthBefore = Window(body, "before").GetProperty("valueUsd").GetDouble() / 6;
            Assert.Equal(Math.Round((sum / 5 - perMonthBefore) / perMonthBefore * 100, 4), body.GetProperty("change").GetProperty("valuePercent").GetDouble(), 9);
            Assert.Contains(body.GetProperty("monthly").EnumerateArray(), m => m.GetProperty("month").GetString() == "2024-02"
                && m.GetProperty("rows").GetInt32() == 0 && m.GetProperty("valueUsd").ValueKind == JsonValueKind.Null);
        }
        finally
        {
            await table.UpsertEntityAsync(TradeEntities.ToEntity(february, "test", DateTimeOffset.UnixEpoch), TableUpdateMode.Replace);
        }
    }

    [Fact]
    public async Task Impact_defaults_to_the_events_catalog_codes_and_answers_csv()
    {
        // No hs: the event's codes that the catalog has for graphite (250410, 380110); the 380110 decoy row then counts.
        var body = await GetJson($"/api/events/{Graphite2023}/impact?reporter=CHN&partner=IND&mineral=graphite");
        Assert.Equal(["250410", "380110"], body.GetProperty("hsCodes").EnumerateArray().Select(h => h.GetString()).Order());
        Assert.Equal(Real[(2023, 12)].Value + 777, body.GetProperty("monthly").EnumerateArray()
            .Single(m => m.GetProperty("month").GetString() == "2023-12").GetProperty("valueUsd").GetDouble(), 6);

        var csv = await _server.Client.GetStringAsync($"/api/events/{Graphite2023}/impact?reporter=CHN&partner=IND&mineral=graphite&hs=250410&months=3&format=csv");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("event_id,reporter,partner,mineral,flow,hs_codes,window,from,to,months,months_with_data,missing_months", lines[0], StringComparison.Ordinal);
        Assert.Equal(5, lines.Length);
        Assert.Contains(lines, l => l.Contains(",after,2023-12,2024-02,3,3,", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/events/chn-2099-nothing/impact?reporter=CHN&partner=IND&mineral=graphite", HttpStatusCode.NotFound, null)]
    [InlineData("/api/events/" + Graphite2023 + "/impact?partner=IND&mineral=graphite", HttpStatusCode.BadRequest, "reporter")]
    [InlineData("/api/events/" + Graphite2023 + "/impact?reporter=XXX&partner=IND&mineral=graphite", HttpStatusCode.BadRequest, "reporter")]
    [InlineData("/api/events/" + Graphite2023 + "/impact?reporter=CHN&mineral=graphite", HttpStatusCode.BadRequest, "partner")]
    [InlineData("/api/events/" + Graphite2023 + "/impact?reporter=CHN&partner=ATLANTIS&mineral=graphite", HttpStatusCode.BadRequest, "partner")]
    [InlineData("/api/events/" + Graphite2023 + "/impact?reporter=CHN&partner=IND", HttpStatusCode.BadRequest, "mineral")]
    [InlineData("/api/events/" + Graphite2023 + "/impact?reporter=CHN&partner=IND&mineral=nope", HttpStatusCode.BadRequest, "mineral")]
    [InlineData("/api/events/" + Graphite2023 + "/impact?reporter=CHN&partner=IND&mineral=graphite&hs=283691", HttpStatusCode.BadRequest, "hs")]
    [InlineData("/api/events/" + Graphite2023 + "/impact?reporter=CHN&partner=IND&mineral=graphite&months=0", HttpStatusCode.BadRequest, "months")]
    [InlineData("/api/events/" + Graphite2023 + "/impact?reporter=CHN&partner=IND&mineral=graphite&months=25", HttpStatusCode.BadRequest, "months")]
    [InlineData("/api/events/" + Graphite2023 + "/impact?reporter=CHN&partner=IND&mineral=graphite&flow=Z", HttpStatusCode.BadRequest, "flow")]
    [InlineData("/api/events?activeOn=2024-02-30", HttpStatusCode.BadRequest, "activeOn")]
    [InlineData("/api/events?hs=2504", HttpStatusCode.BadRequest, "hs")]
    [InlineData("/api/events?country=XXX", HttpStatusCode.BadRequest, "country")]
    public async Task Errors_are_problem_json_naming_the_parameter(string url, HttpStatusCode status, string? parameter)
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

    private async Task<List<string>> EventIdsAsync(string query) =>
        [.. (await GetJson("/api/events?" + query)).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!)];

    [Theory]
    [InlineData("mineral=gallium&activeOn=2023-07-15", "")] // No. 23 announced, not yet in force
    [InlineData("mineral=gallium&activeOn=2023-08-01", "chn-2023-gallium-germanium-licensing")]
    [InlineData("mineral=graphite&activeOn=2024-06-01", "chn-2023-graphite-licensing")]
    [InlineData("mineral=lithium&activeOn=2025-10-20", "")] // No. 58 announced for 2025-11-08
    [InlineData("mineral=lithium&activeOn=2025-11-08", "chn-2025-no70-suspension-october-controls")] // No. 58 suspended; the suspension is in force
    [InlineData("mineral=antimony&activeOn=2026-01-01", "chn-2024-antimony-licensing chn-2024-us-ban-gallium-germanium-antimony chn-2025-no72-suspension-no46-clause2")]
    [InlineData("country=COD&activeOn=2025-10-16", "cod-2025-cobalt-export-quota")] // the suspension was replaced that day
    [InlineData("country=IDN", "idn-2020-nickel-ore-export-ban")]
    [InlineData("hs=250410", "chn-2023-graphite-licensing")]
    [InlineData("hs=280530&activeOn=2025-06-01", "chn-2025-medium-heavy-ree-licensing")]
    public async Task Events_filter_by_status_on_a_day_country_and_hs(string query, string expected)
    {
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(), (await EventIdsAsync(query)).Order());
    }

    [Fact]
    public async Task Event_rows_carry_status_citations_and_the_marker_fields()
    {
        var body = await GetJson("/api/events?mineral=gallium&activeOn=2026-01-01");
        Assert.Equal("2026-01-01", body.GetProperty("statusOn").GetString());
        var no46 = body.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("id").GetString() == "chn-2024-us-ban-gallium-germanium-antimony");
        Assert.Equal("partly-in-force", no46.GetProperty("status").GetString());
        Assert.Equal("2024-12-03", no46.GetProperty("date").GetString());
        Assert.Equal("ban", no46.GetProperty("kind").GetString());
        Assert.Contains("graphite", no46.GetProperty("minerals").EnumerateArray().Select(m => m.GetString()));

        var all = await GetJson("/api/events");
        Assert.Equal(19, all.GetProperty("count").GetInt32());
        Assert.All(all.GetProperty("items").EnumerateArray(), e =>
        {
            Assert.False(e.GetProperty("isSample").GetBoolean());
            Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("sourceText").GetString()));
            Assert.True(e.GetProperty("sourceUrl").ValueKind == JsonValueKind.Null || e.GetProperty("sourceText").GetString()!.Contains(e.GetProperty("sourceUrl").GetString()!, StringComparison.Ordinal));
            Assert.NotEmpty(e.GetProperty("citations").EnumerateArray());
        });

        var csv = await _server.Client.GetStringAsync("/api/events?country=CHN&format=csv");
        Assert.StartsWith("id,date,country,title,kind,status,status_on", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2023, "ira-30d-test", 60.0)] // Japan a US-FTA partner from 2023-03-28; the 30D test applied 2023-04-18..2025-09-30
    [InlineData(2026, "us-fta-grouping", null)] // no 30D credit; the MSP was succeeded by FORGE on 2026-02-04
    public async Task Indicators_call_the_us_fta_share_an_ira_test_only_for_years_it_applied(int year, string basis, double? msp)
    {
        var body = await GetJson($"/api/indicators?reporter=USA&year={year}&mineral=lithium");
        var imports = body.GetProperty("items").EnumerateArray().Single().GetProperty("imports");
        Assert.Equal(basis, imports.GetProperty("usftaShareBasis").GetString());
        Assert.Equal(100, imports.GetProperty("usftaSharePercent").GetDouble(), 9); // Japan 60 + Chile 40
        Assert.Equal($"{year}-07-01", imports.GetProperty("membershipsOn").GetString());
        var mspShare = imports.GetProperty("mspSharePercent");
        Assert.Equal(msp, mspShare.ValueKind == JsonValueKind.Null ? null : mspShare.GetDouble());
    }
}
