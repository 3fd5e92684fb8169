using System.Net;
using System.Text.Json;
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
    public async Task Partner_shares_add_up_and_match_the_rows()
    {
        var partners = await Get("/api/trade/partners?reporter=USA&mineral=lithium&flow=M&year=2023");
        var rows = (await Get("/api/trade?reporter=USA&mineral=lithium&flow=M&from=2023&to=2023")).GetProperty("items").EnumerateArray().ToList();

        var items = partners.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(100, items.Sum(i => i.GetProperty("sharePercent").GetDouble()), 6);
        var world = rows.Where(r => r.GetProperty("isWorld").GetBoolean()).Sum(r => r.GetProperty("valueUsd").GetDouble());
        Assert.Equal(world, partners.GetProperty("worldTotalUsd").GetDouble(), 3);
        var partnerSum = rows.Where(r => !r.GetProperty("isWorld").GetBoolean()).Sum(r => r.GetProperty("valueUsd").GetDouble());
        Assert.Equal(partnerSum, partners.GetProperty("partnerSumUsd").GetDouble(), 3);
        Assert.Equal(world - partnerSum, partners.GetProperty("gapUsd").GetDouble(), 3);
        var hhi = items.Sum(i => Math.Pow(i.GetProperty("sharePercent").GetDouble(), 2));
        Assert.Equal(hhi, partners.GetProperty("hhi").GetDouble(), 6);
        var china = items.Single(i => i.GetProperty("partner").GetString() == "CHN");
        Assert.Equal(china.GetProperty("sharePercent").GetDouble(), partners.GetProperty("chinaSharePercent").GetDouble(), 9);
        Assert.True(partners.GetProperty("containsSample").GetBoolean());
    }

    [Fact]
    public async Task Partner_shares_as_csv()
    {
        var csv = await _server.Client.GetStringAsync("/api/trade/partners?reporter=IND&mineral=graphite&flow=M&year=2022&format=csv");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("rank,partner_code,partner,partner_name,value_usd,share_percent,hs6,is_sample", lines[0]);
        Assert.StartsWith("1,156,CHN,China,", lines[1]);
        Assert.EndsWith(",true", lines[1]);
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
    public async Task Bad_parameters_are_400s_naming_them(string url, string parameter)
    {
        using var response = await _server.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(parameter, body.GetProperty("parameter").GetString());
    }
}
