using System.Collections.Concurrent;
using System.Diagnostics;
using Feeds.Core;
using Feeds.Core.Pipeline;
using Feeds.Core.Trade;
using Feeds.Local;
using Feeds.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Feeds.Tests.Security;

/// <summary>
/// The Comtrade subscription key goes only to an allow-listed host over https (or a listed loopback stand-in), and a
/// server on the network cannot mark records as samples, nor make the client loop over a huge sample range.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ComtradeKeyTests(AzuriteFixture azurite)
{
    /// <summary>A server that records every request's key header and answers with one real record.</summary>
    private sealed class Recorder : StandInServer
    {
        public ConcurrentQueue<string?> Keys { get; } = new();

        public string? SampleHeader { get; set; }

        private static readonly string Record = RecordedComtrade.RealRecord(e => e.GetProperty("reporterCode").GetInt32() == 842
            && e.GetProperty("cmdCode").GetString() == "283691" && e.GetProperty("refYear").GetInt32() == 2023
            && e.GetProperty("freqCode").GetString() == "A" && e.GetProperty("partnerCode").GetInt32() == 0);

        public static async Task<Recorder> StartAsync()
        {
            var server = new Recorder();
            await server.StartServerAsync();
            return server;
        }

        protected override async Task HandleAsync(HttpContext context)
        {
            Keys.Enqueue(context.Request.Headers.TryGetValue("Ocp-Apim-Subscription-Key", out var key) ? key.ToString() : null);
            if (SampleHeader is not null)
            {
                context.Response.Headers[ComtradeClient.SampleRecordsHeader] = SampleHeader;
            }

            context.Response.ContentType = "application/json";
            // One real record, to the one call that asks for it; an empty answer to every other.
            var data = context.Request.QueryString.Value!.Contains("283691", StringComparison.Ordinal) ? Record : "";
            var count = data.Length == 0 ? 0 : 1;
            await context.Response.WriteAsync($"{{\"elapsedTime\":\"0.01 secs\",\"count\":{count},\"data\":[{data}],\"error\":\"\"}}");
        }
    }

    [Theory]
    [InlineData("https://comtradeapi.un.org/data/v1/get/C/A/HS?x=1", "comtradeapi.un.org", true)]
    [InlineData("https://COMTRADEAPI.un.org/data", "comtradeapi.un.org", true)]
    [InlineData("http://comtradeapi.un.org/data", "comtradeapi.un.org", false)]
    [InlineData("https://comtrade-mirror.example/data", "comtradeapi.un.org", false)]
    [InlineData("https://comtradeapi.un.org.evil.example/data", "comtradeapi.un.org", false)]
    [InlineData("https://comtrade-mirror.example/data", "comtradeapi.un.org;comtrade-mirror.example", true)]
    [InlineData("http://127.0.0.1:5000/data", "comtradeapi.un.org", false)]
    [InlineData("http://127.0.0.1:5000/data", "127.0.0.1", true)]
    [InlineData("http://10.0.0.5:5000/data", "10.0.0.5", false)]
    public void The_key_goes_only_to_listed_hosts_over_https_or_to_a_listed_loopback(string url, string hosts, bool allowed) =>
        Assert.Equal(allowed, new ComtradeOptions { KeyHosts = hosts }.KeyAllowedFor(new Uri(url)));

    [Fact]
    public async Task A_key_with_a_base_url_off_the_list_stops_the_host_on_start()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [SettingKeys.ComtradeBaseUrl] = "https://comtrade-mirror.example",
            [SettingKeys.ComtradeSubscriptionKey] = "real-key",
        });
        builder.Services.AddFeedsCore(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAnyAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Feeds:Comtrade:KeyHosts", string.Join("\n", error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_client_itself_never_sends_the_key_to_an_unlisted_host_even_if_validation_was_skipped()
    {
        await using var server = await Recorder.StartAsync();
        // Options built by hand: start-up validation did not run, the client's own check must hold.
        var options = Options.Create(new ComtradeOptions
        {
            BaseUrl = server.BaseAddress.ToString().Replace("127.0.0.1", "localhost", StringComparison.Ordinal).TrimEnd('/'),
            SubscriptionKey = "real-key",
            KeyHosts = "127.0.0.1",
        });
        using var http = new HttpClient();
        var client = new ComtradeClient(http, options, quota: null!, NullLogger<ComtradeClient>.Instance);
        var request = new ComtradeRequest("USA", 842, ["283691"], [2023], ["M"]);

        var error = await Assert.ThrowsAsync<ComtradeException>(() => client.FetchAsync(request, null!, CancellationToken.None));

        Assert.Contains("KeyHosts", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Keys);
    }

    [Fact]
    public async Task A_listed_loopback_stand_in_gets_the_key_and_its_sample_header_is_not_believed_however_large()
    {
        await using var server = await Recorder.StartAsync();
        // Before the fix, this range made the client add two billion indexes to a set.
        server.SampleHeader = "0-2147483646";
        await using var services = await TestStorage.CreateAsync(azurite, extraSettings: new Dictionary<string, string?>
        {
            [SettingKeys.ComtradeBaseUrl] = server.BaseAddress.ToString().TrimEnd('/'),
            [SettingKeys.ComtradeSubscriptionKey] = "stand-in-key",
            [SettingKeys.ComtradeKeyHosts] = "127.0.0.1",
            [SettingKeys.ComtradeReporters] = "USA",
            [SettingKeys.ComtradeMirrorOf] = "",
            [SettingKeys.ComtradeFrequencies] = "A",
            [SettingKeys.ComtradeFromYear] = "2023",
            [SettingKeys.ComtradeToYear] = "2023",
            [SettingKeys.ComtradeRequestsPerSecond] = "1000",
        });
        var feeds = services.GetRequiredService<FeedRunService>();
        await feeds.RunAsync(Feeds.Core.Catalog.CatalogFeed.FeedName, "test", false, null, CancellationToken.None);

        var watch = Stopwatch.StartNew();
        var run = await feeds.RunAsync(ComtradeFeed.FeedName, "test", false, null, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
        Assert.NotEmpty(server.Keys);
        Assert.All(server.Keys, k => Assert.Equal("stand-in-key", k));
        var rows = await services.GetRequiredService<Feeds.Core.Storage.FeedTables>().Get(Feeds.Core.Storage.FeedTables.TradeFlows)
            .QueryAsync<Azure.Data.Tables.TableEntity>().ToListAsync();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.False(r.GetBoolean("IsSample")));
        Assert.True(run.Outcome!.Records.AddsUp);
    }

    [Theory]
    [InlineData("0-2147483646", 1000, 1000)]
    [InlineData("5-2,abc,-3,1-x,7", 1000, 1)]
    [InlineData("0-999,0-999,0-999,0-999", 1000, 1000)]
    [InlineData("999999", 1000, 0)]
    [InlineData("0-2,4", 1000, 4)]
    public void Sample_ranges_are_bounded_by_the_record_limit_whatever_the_text(string header, int limit, int expected)
    {
        var watch = Stopwatch.StartNew();
        var indexes = ComtradeClient.ParseSampleIndexes(header, limit);
        Assert.Equal(expected, indexes.Count);
        Assert.All(indexes, i => Assert.InRange(i, 0, limit - 1));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1));
    }
}
