using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Feeds.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Feeds.Tests.Integration;

/// <summary>The catalog routes over real HTTP on the local host, backed by Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CatalogApiHttpTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private LocalServer _server = null!;

    private HttpClient Client => _server.Client;

    public async Task InitializeAsync() => _server = await azurite.SeededServerAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<JsonElement> GetJson(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await Client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{url}: {response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static List<string> Ids(JsonElement body) =>
        [.. body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];

    [Theory]
    [InlineData("/api/minerals?lists=IN2023", 30, "published")]
    [InlineData("/api/minerals?lists=US2022", 50, "published")]
    [InlineData("/api/minerals?lists=us2025", 60, "published")]
    [InlineData("/api/minerals?lists=IN2023,US2025", 26, "group")]
    [InlineData("/api/minerals?lists=IN2023,US2022", 21, "group")]
    [InlineData("/api/minerals?lists=IN2023,US2025&counting=element", 45, "element")]
    [InlineData("/api/minerals?lists=in2023,us2022&counting=ELEMENT", 40, "element")]
    public async Task Minerals_counts_come_from_the_data(string url, int count, string counting)
    {
        var body = await GetJson(url);
        Assert.Equal(count, body.GetProperty("count").GetInt32());
        Assert.Equal(count, body.GetProperty("items").GetArrayLength());
        Assert.Equal(counting, body.GetProperty("counting").GetString());
        Assert.All(body.GetProperty("items").EnumerateArray(), i => Assert.False(i.GetProperty("isSample").GetBoolean()));
    }

    [Fact]
    public async Task India_US2025_overlap_members()
    {
        var ids = Ids(await GetJson("/api/minerals?lists=IN2023,US2025"));
        Assert.Superset(new HashSet<string> { "copper", "potash", "rhenium", "silicon", "phosphorus", "ree", "pge" }, ids.ToHashSet());
        Assert.Empty(ids.Intersect(["molybdenum", "strontium", "selenium", "cadmium"]));
    }

    [Fact]
    public async Task Ree_shows_its_members_and_hs_codes()
    {
        var ree = await GetJson("/api/minerals/REE");
        Assert.Equal("ree", ree.GetProperty("id").GetString());
        Assert.Equal(16, ree.GetProperty("members").GetArrayLength());
        Assert.Contains(ree.GetProperty("hsCodes").EnumerateArray(), h => h.GetProperty("code").GetString() == "280530");
        Assert.Contains(ree.GetProperty("designations").EnumerateArray(), d => d.GetProperty("list").GetString() == "IN2023");
    }

    [Fact]
    public async Task Shared_codes_say_who_else_claims_them()
    {
        var germanium = await GetJson("/api/minerals/germanium");
        var oxide = germanium.GetProperty("hsCodes").EnumerateArray().Single(h => h.GetProperty("code").GetString() == "282560");
        Assert.True(oxide.GetProperty("shared").GetBoolean());
        Assert.Contains(oxide.GetProperty("sharedWith").EnumerateArray(), m => m.GetString() == "zirconium");
    }

    [Theory]
    [InlineData("/api/minerals/nope", HttpStatusCode.NotFound, null)]
    [InlineData("/api/minerals?lists=XX", HttpStatusCode.BadRequest, "lists")]
    [InlineData("/api/minerals?lists=IN2023&counting=both", HttpStatusCode.BadRequest, "counting")]
    [InlineData("/api/minerals?limit=5000", HttpStatusCode.BadRequest, "limit")]
    [InlineData("/api/minerals?format=xml", HttpStatusCode.BadRequest, "format")]
    [InlineData("/api/minerals?list=IN2023", HttpStatusCode.BadRequest, "list")]
    [InlineData("/api/minerals/Li%27%20or%201", HttpStatusCode.BadRequest, "id")]
    [InlineData("/api/countries?membership=NATO", HttpStatusCode.BadRequest, "membership")]
    [InlineData("/api/countries?membership=MSP&on=2023-13-01", HttpStatusCode.BadRequest, "on")]
    [InlineData("/api/countries?on=yesterday", HttpStatusCode.BadRequest, "on")]
    [InlineData("/api/nowhere", HttpStatusCode.NotFound, null)]
    public async Task Errors_are_problem_json(string url, HttpStatusCode status, string? parameter)
    {
        using var response = await Client.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        if (parameter is not null)
        {
            Assert.Equal(parameter, body.GetProperty("parameter").GetString());
            Assert.Contains(parameter, body.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task Csv_by_accept_header_and_by_format()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/minerals?lists=IN2023,US2025");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var response = await Client.SendAsync(request);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,name,kind,group,members,IN2023,US2025,is_sample", lines[0]);
        Assert.Equal(27, lines.Length);

        var viaFormat = await Client.GetStringAsync("/api/countries?format=csv&membership=QUAD");
        Assert.Equal(5, viaFormat.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("IND,India,699,356", viaFormat);
    }

    [Fact]
    public async Task Etag_revalidation_answers_304()
    {
        using var first = await Client.GetAsync("/api/minerals?lists=IN2023");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.Contains("max-age", first.Headers.CacheControl?.ToString());

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/minerals?lists=IN2023");
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());

        using var other = new HttpRequestMessage(HttpMethod.Get, "/api/minerals?lists=US2022");
        other.Headers.IfNoneMatch.Add(etag);
        using var third = await Client.SendAsync(other);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task Paging_follows_link_headers_to_every_country()
    {
        var all = await GetJson("/api/countries");
        var total = all.GetProperty("count").GetInt32();
        Assert.True(total > 200);

        var seen = new List<string>();
        var url = "/api/countries?limit=100";
        while (url is not null)
        {
            using var response = await Client.GetAsync(url);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            seen.AddRange(body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("iso3").GetString()!));
            url = response.Headers.TryGetValues("Link", out var links)
                ? links.Single().Split(';')[0].Trim('<', '>')
                : null!;
        }

        Assert.Equal(total, seen.Count);
        Assert.Equal(seen.Distinct().Count(), seen.Count);
    }

    [Fact]
    public async Task Countries_carry_comtrade_codes_and_memberships()
    {
        var msp = await GetJson("/api/countries?membership=msp&on=2025-01-01");
        Assert.Equal(14, msp.GetProperty("count").GetInt32());
        var usa = msp.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("iso3").GetString() == "USA");
        Assert.Equal(842, usa.GetProperty("comtradeCode").GetInt32());
        Assert.Contains(usa.GetProperty("memberships").EnumerateArray(), m => m.GetString() == "QUAD");
    }

    private static List<string> Iso3s(JsonElement body) =>
        [.. body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("iso3").GetString()!)];

    [Theory]
    [InlineData("MSP", "2023-01-01", "AUS CAN DEU FIN FRA GBR JPN KOR NOR SWE USA")] // founders + Norway; India joined 2023-06-22, Italy 2023-02-07
    [InlineData("MSP", "2023-07-01", "AUS CAN DEU FIN FRA GBR IND ITA JPN KOR NOR SWE USA")]
    [InlineData("MSP", "2025-12-01", "AUS BEL CAN DEU EST FIN FRA GBR IND ITA JPN KOR NOR SWE USA")]
    [InlineData("MSP", "2026-02-05", "")] // succeeded by FORGE on 2026-02-04
    [InlineData("QUAD", "2017-11-11", "")]
    [InlineData("QUAD", "2017-11-12", "AUS IND JPN USA")]
    public async Task Membership_answers_for_the_day_asked(string group, string on, string expected)
    {
        var body = await GetJson($"/api/countries?membership={group}&on={on}");
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), Iso3s(body));
        Assert.Equal(on, body.GetProperty("on").GetString());
        Assert.All(body.GetProperty("items").EnumerateArray(), c => Assert.Contains(group, c.GetProperty("memberships").EnumerateArray().Select(m => m.GetString())));
    }

    [Fact]
    public async Task Japan_counts_as_a_us_free_trade_partner_from_the_critical_minerals_agreement()
    {
        Assert.DoesNotContain("JPN", Iso3s(await GetJson("/api/countries?membership=USFTA&on=2023-03-27")));
        Assert.Contains("JPN", Iso3s(await GetJson("/api/countries?membership=USFTA&on=2023-03-28")));
        var india = (await GetJson("/api/countries?on=2024-01-01")).GetProperty("items").EnumerateArray().Single(c => c.GetProperty("iso3").GetString() == "IND");
        Assert.Equal(["MSP", "QUAD"], india.GetProperty("memberships").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains(india.GetProperty("membershipHistory").EnumerateArray(),
            m => m.GetProperty("group").GetString() == "MSP" && m.GetProperty("from").GetString() == "2023-06-22" && m.GetProperty("to").GetString() == "2026-02-04");
    }

    [Fact]
    public async Task Memberships_default_to_today_on_the_injected_clock()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2023, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var server = await LocalServer.StartAsync(TestStorage.Settings(azurite),
            configureServices: services => services.AddSingleton<TimeProvider>(clock));
        var body = JsonDocument.Parse(await server.Client.GetStringAsync("/api/countries?membership=MSP")).RootElement;
        Assert.Equal("2023-03-01", body.GetProperty("on").GetString());
        Assert.Equal(12, body.GetProperty("count").GetInt32()); // the 10 founders, Norway and Italy; India and Estonia joined later
    }

    [Fact]
    public async Task Health_is_healthy_when_every_feed_ran()
    {
        using var response = await Client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var checks = body.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("healthy", checks["storage"]);
        Assert.Equal("healthy", checks["catalog"]);
        Assert.Equal("healthy", checks["feed:catalog"]);
        // The seeded server ran every feed: each one is fresh, so the whole answer is healthy.
        Assert.Contains("feed:comtrade", checks.Keys);
        Assert.Contains("feed:usgs", checks.Keys);
        Assert.All(checks, c => Assert.True(c.Value == "healthy", $"{c.Key} is {c.Value}"));
        Assert.Equal("healthy", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_is_degraded_while_a_feed_has_never_run()
    {
        await using var fresh = await LocalServer.StartAsync(TestStorage.Settings(azurite));
        var body = JsonDocument.Parse(await fresh.Client.GetStringAsync("/api/health")).RootElement;
        var checks = body.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("healthy", checks["storage"]);
        Assert.Equal("healthy", checks["catalog"]);
        Assert.Equal("healthy", checks["feed:catalog"]);
        // Only the catalog ran here: the trade feed has never run, so the whole answer is degraded.
        Assert.Equal("degraded", checks["feed:comtrade"]);
        Assert.Equal("degraded", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task OpenApi_document_is_served()
    {
        var doc = await GetJson("/api/openapi.json");
        Assert.StartsWith("3.", doc.GetProperty("openapi").GetString());
        Assert.True(doc.GetProperty("paths").TryGetProperty("/minerals", out _));
    }
}
