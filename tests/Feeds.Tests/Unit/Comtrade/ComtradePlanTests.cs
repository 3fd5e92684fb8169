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
    public void A_full_default_refresh_takes_at_most_50_calls_with_urls_under_4096()
    {
        var codes = Catalog.HsCodes.Select(h => h.Code).Distinct().ToList();
        var plan = ComtradeFeed.Plan([("IND", 699), ("USA", 842)], codes, 2020, 2024);

        Assert.InRange(plan.Count, 1, 50);
        Assert.Equal(codes.Count * 2 * 5, plan.SelectMany(r => r.Slices).Count());
        Assert.Equal(plan.SelectMany(r => r.Slices).Count(), plan.SelectMany(r => r.Slices).Select(s => s.Key).Distinct().Count());
        var client = Client("key");
        Assert.All(plan, r => Assert.True(client.BuildUrl(r).AbsoluteUri.Length <= ComtradeClient.MaxUrlLength));
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
        var request = new ComtradeRequest("IND", 699, ["a", "b", "c"], [2022, 2023], ["M", "X"]);
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
        Assert.All(leaves, l => Assert.Equal((1, 1, 1), (l.Codes.Count, l.Years.Count, l.Flows.Count)));
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
