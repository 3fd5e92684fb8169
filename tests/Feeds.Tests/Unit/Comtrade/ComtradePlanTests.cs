using System.Net;
using Feeds.Core.Catalog;
using Feeds.Core.Trade;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Feeds.Tests.Unit.Comtrade;

public sealed class ComtradePlanTests
{
    private static readonly CatalogData Catalog = CatalogLoader.Load(new EmbeddedCatalogFiles());

    private static ComtradeClient Client(string? key) =>
        new(new HttpClient(), Options.Create(new ComtradeOptions { SubscriptionKey = key }), null!, NullLogger<ComtradeClient>.Instance);

    [Fact]
    public void The_default_plan_covers_reported_and_mirror_annual_and_monthly_once_each_with_urls_under_4096()
    {
        var options = new ComtradeOptions();
        var (reporters, mirrors, codes) = ComtradePlanner.Scope(Catalog, options);
        var months = options.Months(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero));
        var plan = ComtradePlanner.Plan(reporters, mirrors, codes, options.FrequencyList, [2020, 2021, 2022, 2023, 2024], months);

        Assert.Equal(["IND", "USA", "CHN"], reporters.Select(r => r.Iso3));
        Assert.Equal(["IND", "USA"], mirrors.Select(r => r.Iso3));
        Assert.Equal(36, months.Count);
        Assert.Equal(202311, months[0]);
        Assert.Equal(202610, months[^1]);
        var monthlyYears = months.Select(m => m / 100).Distinct().Count();
        var slices = plan.SelectMany(r => r.Slices).ToList();
        Assert.Equal(codes.Count * (3 + 2) * (5 + monthlyYears), slices.Count);
        Assert.Equal(slices.Count, slices.Select(s => s.Key).Distinct().Count());
        Assert.Equal(codes.Count * 2 * (5 + monthlyYears), slices.Count(s => s.Mirror));
        // At most 12 periods a call, as the API's clients keep to.
        Assert.All(plan, r => Assert.InRange(r.Periods.Count, 1, 12));
        var client = Client("key");
        Assert.All(plan, r => Assert.True(client.BuildUrl(r).AbsoluteUri.Length <= ComtradeClient.MaxUrlLength));
    }

    [Fact]
    public void Set_years_add_their_months_to_the_recent_window()
    {
        var now = new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);
        var months = new ComtradeOptions { FromYear = 2017, ToYear = 2018, MonthlyWindowMonths = 3 }.Months(now);

        Assert.Equal(24 + 3, months.Count);
        Assert.Equal(201701, months[0]);
        Assert.Equal([202608, 202609, 202610], months.TakeLast(3));
        Assert.Equal(months.Order(), months);
    }

    [Fact]
    public void Monthly_and_mirror_urls_use_the_path_frequency_and_the_partner()
    {
        var monthly = new ComtradeRequest("CHN", 156, ["250410"], [202301, 202302], ["X"], ComtradeRequest.Monthly);
        var url = Client("key").BuildUrl(monthly).AbsoluteUri;
        Assert.StartsWith("https://comtradeapi.un.org/data/v1/get/C/M/HS?", url);
        Assert.Contains("period=202301,202302", url);
        Assert.Contains("reporterCode=156", url);

        var mirror = new ComtradeRequest("IND", 699, ["250410"], [2023], ["M", "X"], ComtradeRequest.Annual, Mirror: true);
        var mirrorUrl = Client("key").BuildUrl(mirror).AbsoluteUri;
        Assert.Contains("partnerCode=699", mirrorUrl);
        Assert.DoesNotContain("reporterCode", mirrorUrl);
        Assert.Equal(["IND-mirror-250410-2023-A"], mirror.Slices.Select(s => s.Key));
    }

    [Fact]
    public void Stalest_slices_go_first()
    {
        var a = new ComtradeRequest("IND", 699, ["250410"], [2023], ["M", "X"]);
        var b = new ComtradeRequest("USA", 842, ["250410"], [2023], ["M", "X"]);
        var c = new ComtradeRequest("CHN", 156, ["250410"], [2023], ["M", "X"]);
        var now = new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);
        var stored = new Dictionary<string, Feeds.Core.Pipeline.StoredSlice>
        {
            [a.Slices.Single().Key] = new("h", now),
            [b.Slices.Single().Key] = new("h", now.AddDays(-3)),
        };

        Assert.Equal([c, b, a], ComtradePlanner.OldestFirst([a, b, c], stored));
    }

    [Fact]
    public void Urls_ask_for_totals_with_descriptions()
    {
        var request = new ComtradeRequest("IND", 699, ["283691", "282520"], [2022, 2023], ["M", "X"]);

        var keyed = Client("secret").BuildUrl(request).AbsoluteUri;
        Assert.StartsWith("https://comtradeapi.un.org/data/v1/get/C/A/HS?", keyed);
        Assert.Contains("reporterCode=699", keyed);
        Assert.Contains("cmdCode=283691,282520", keyed);
        Assert.Contains("period=2022,2023", keyed);
        Assert.Contains("motCode=0", keyed);
        Assert.Contains("customsCode=C00", keyed);
        Assert.Contains("partner2Code=0", keyed);
        Assert.Contains("includeDesc=true", keyed);
        Assert.DoesNotContain("secret", keyed);

        Assert.StartsWith("https://comtradeapi.un.org/public/v1/preview/C/A/HS?", Client(null).BuildUrl(request).AbsoluteUri);
        Assert.Contains("maxRecords=500", Client(null).BuildUrl(request).AbsoluteUri);
    }

    [Fact]
    public void Splitting_covers_the_same_slices_and_ends_at_one_slice_one_flow()
    {
        var request = new ComtradeRequest("IND", 699, ["a", "b", "c"], [202211, 202212], ["M", "X"], ComtradeRequest.Monthly);
        var leaves = new List<ComtradeRequest>();
        var pending = new Queue<ComtradeRequest>([request]);
        while (pending.TryDequeue(out var next))
        {
            if (next.Split() is { } parts)
            {
                Assert.Equal(next.Slices.Select(s => s.Key).Order(), parts.SelectMany(p => p.Slices).Select(s => s.Key).Distinct().Order());
                foreach (var part in parts)
                {
                    pending.Enqueue(part);
                }
            }
            else
            {
                leaves.Add(next);
            }
        }

        Assert.Equal(3 * 2 * 2, leaves.Count);
        Assert.All(leaves, l => Assert.Equal((1, 1, 1), (l.Codes.Count, l.Periods.Count, l.Flows.Count)));
    }

    [Fact]
    public async Task Retry_after_header_sets_the_delay()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
        Assert.Equal(TimeSpan.FromSeconds(7), await ComtradeResilience.ServerDelayAsync(response, CancellationToken.None));
    }

    [Fact]
    public async Task The_real_429_body_text_sets_the_delay()
    {
        var body = File.ReadAllText(Support.RecordedComtrade.Path("error-429-rate-limit.json"));
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent(body) };
        Assert.Equal(TimeSpan.FromSeconds(2), await ComtradeResilience.ServerDelayAsync(response, CancellationToken.None));
    }

    [Fact]
    public async Task No_hint_leaves_the_backoff_to_the_strategy()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("busy") };
        Assert.Null(await ComtradeResilience.ServerDelayAsync(response, CancellationToken.None));
    }

    [Fact]
    public void An_unresolved_key_vault_reference_is_recognised()
    {
        Assert.True(new ComtradeOptions { SubscriptionKey = "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/comtrade)" }.KeyIsUnresolvedReference);
        Assert.False(new ComtradeOptions { SubscriptionKey = "abc123" }.KeyIsUnresolvedReference);
    }
}
