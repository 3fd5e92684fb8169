using Azure.Data.Tables;
using Feeds.Core.Pipeline;
using Feeds.Core.Storage;
using Feeds.Core.Trade;
using Feeds.Local;
using Feeds.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Polly;

namespace Feeds.Tests.Integration.Comtrade;

/// <summary>The trade feed against a stand-in Comtrade server over real HTTP, storing into Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ComtradeFeedTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly string[] SystemColumns = ["odata.etag", "Timestamp", "RunId", "RetrievedAt"];
    private ComtradeStandIn _server = null!;

    /// <summary>
    /// Every default reporter, mirrored country and frequency over one year (and one recent month), on the keyed
    /// endpoint: the whole shape of a day's refresh in a few dozen calls.
    /// </summary>
    private static Dictionary<string, string?> OneYear(params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            [SettingKeys.ComtradeFromYear] = "2023",
            [SettingKeys.ComtradeToYear] = "2023",
            [SettingKeys.ComtradeMonthlyWindowMonths] = "1",
            [SettingKeys.ComtradeSubscriptionKey] = "stand-in-key",
            [SettingKeys.ComtradeFrequencies] = "A;M",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    public async Task InitializeAsync() => _server = await ComtradeStandIn.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Task<ServiceProvider> Services(Dictionary<string, string?>? extra = null, Action<ComtradeResilienceOptions>? tune = null)
    {
        var settings = new Dictionary<string, string?>
        {
            [SettingKeys.ComtradeBaseUrl] = _server.BaseUrl,
            // The stand-in is on loopback: the key may go there only because it is listed.
            [SettingKeys.ComtradeKeyHosts] = "127.0.0.1",
            [SettingKeys.ComtradeFromYear] = "2020",
            [SettingKeys.ComtradeToYear] = "2024",
            [SettingKeys.ComtradeRequestsPerSecond] = "1000",
            // Annual data unless a test asks for more: monthly calls on the preview endpoint split many times over.
            [SettingKeys.ComtradeFrequencies] = "A",
        };
        foreach (var (k, v) in extra ?? [])
        {
            settings[k] = v;
        }

        return TestStorage.CreateAsync(azurite, s => s.Configure<ComtradeResilienceOptions>(o =>
        {
            o.RetryDelay = TimeSpan.FromMilliseconds(10);
            o.MaxRetryDelay = TimeSpan.FromSeconds(3);
            o.AttemptTimeout = TimeSpan.FromSeconds(1);
            o.MaxRetryAttempts = 2;
            tune?.Invoke(o);
        }), settings);
    }

    /// <summary>The calls the feed plans first for these services' options (before any split of a capped response).</summary>
    private static IReadOnlyList<ComtradeRequest> Plan(ServiceProvider services)
    {
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ComtradeOptions>>().Value;
        var catalog = services.GetRequiredService<Feeds.Core.Catalog.CatalogService>().Current;
        var (reporters, mirrors, codes) = ComtradePlanner.Scope(catalog, options);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var (from, to) = options.Years(now);
        return ComtradePlanner.Plan(reporters, mirrors, codes, options.FrequencyList, [.. Enumerable.Range(from, to - from + 1)], options.Months(now));
    }

    private static Task<FeedRunRecord> Run(ServiceProvider services, bool force = false) =>
        services.GetRequiredService<FeedRunService>().RunAsync(ComtradeFeed.FeedName, "test", force, null, CancellationToken.None);

    private static async Task<Dictionary<string, string>> Dump(ServiceProvider services)
    {
        var rows = new Dictionary<string, string>();
        await foreach (var e in services.GetRequiredService<FeedTables>().Get(FeedTables.TradeFlows).QueryAsync<TableEntity>())
        {
            rows[$"{e.PartitionKey}/{e.RowKey}"] = string.Join("|", e.Keys.Where(k => !SystemColumns.Contains(k)).Order(StringComparer.Ordinal).Select(k => $"{k}={e[k]}"));
        }

        return rows;
    }

    private static async Task Answer(HttpContext context, int status, string contentType, string body, Action<IHeaderDictionary>? headers = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        headers?.Invoke(context.Response.Headers);
        await context.Response.WriteAsync(body);
    }

    [Fact]
    public async Task Stores_the_real_figures_and_the_counts_add_up()
    {
        await using var services = await Services();

        var run = await Run(services);

        Assert.Equal(FeedRunStatus.Succeeded, run.Status);
        var counts = run.Outcome!.Records;
        Assert.True(counts.AddsUp, counts.ToString());
        Assert.True(counts.Stored > 200);
        Assert.InRange(_server.Calls, Plan(services).Count, Plan(services).Count * 4);

        // Every real 6-digit figure of data/comtrade/real/figures.csv for the USA is stored with the published value.
        var table = services.GetRequiredService<FeedTables>().Get(FeedTables.TradeFlows);
        var figures = File.ReadAllLines(Path.Combine(Feeds.Local.RepositoryRoot.Find(), "data", "comtrade", "real", "figures.csv")).Skip(1)
            .Select(l => l.Split(',')).Where(f => f[0] == "USA" && f[6].Length == 6).ToList();
        Assert.NotEmpty(figures);
        var catalog = Feeds.Core.Catalog.CatalogLoader.Load(new Feeds.Core.Catalog.EmbeddedCatalogFiles());
        foreach (var f in figures)
        {
            var mineral = catalog.HsCodes.First(h => h.Code == f[6]).Minerals[0];
            var key = $"{int.Parse(f[7], System.Globalization.CultureInfo.InvariantCulture):D4}-00-{f[5]}-{f[6]}-{int.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture):D3}";
            var entity = (await table.GetEntityAsync<TableEntity>($"USA-{mineral}", key)).Value;
            Assert.Equal(double.Parse(f[8], System.Globalization.CultureInfo.InvariantCulture), entity.GetDouble("ValueUsd"));
            Assert.False(entity.GetBoolean("IsSample"));
        }

        // India rows are made up in the recorded payloads. The stand-in passes on the replay's sample header, but a server
        // on the network is never believed about which rows are samples (only the in-process replay is): stored as sent.
        var india = await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"IND-lithium"}")).ToListAsync();
        Assert.NotEmpty(india);
        Assert.All(india, e => Assert.False(e.GetBoolean("IsSample")));
    }

    [Fact]
    public async Task The_same_input_twice_with_checkpoints_ignored_leaves_every_business_column_identical()
    {
        await using var services = await Services();
        await Run(services);
        var first = await Dump(services);

        var again = await Run(services, force: true);
        var second = await Dump(services);

        Assert.True(again.Outcome!.EntitiesWritten > 0);
        Assert.Equal(first.Count, second.Count);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Unchanged_slices_are_not_rewritten()
    {
        await using var services = await Services();
        var first = await Run(services);

        var second = await Run(services);

        Assert.Equal(0, second.Outcome!.EntitiesWritten);
        Assert.Equal(first.Outcome!.Records.Stored, second.Outcome.Records.Unchanged);
        Assert.True(second.Outcome.Records.AddsUp);
    }

    [Fact]
    public async Task A_run_killed_part_way_resumes_and_ends_equal_to_an_uninterrupted_run()
    {
        await using var reference = await Services();
        await Run(reference);
        var expected = await Dump(reference);

        await using var services = await Services();
        using var kill = new CancellationTokenSource();
        var before = _server.Calls;
        _server.Script = (call, _) =>
        {
            if (call == before + 3)
            {
                kill.Cancel(); // the host stops the run while its third call is in flight
            }

            return Task.FromResult(false);
        };
        var killed = await services.GetRequiredService<FeedRunService>().RunAsync(ComtradeFeed.FeedName, "test", false, null, kill.Token);
        Assert.Equal(FeedRunStatus.Failed, killed.Status);
        var partial = await Dump(services);
        Assert.InRange(partial.Count, 1, expected.Count - 1);

        _server.Script = (_, _) => Task.FromResult(false);
        var resumed = await Run(services);

        Assert.Equal(FeedRunStatus.Succeeded, resumed.Status);
        Assert.True(resumed.Outcome!.SlicesUnchanged > 0); // what the killed run stored is not fetched into new writes
        Assert.Equal(expected.Keys.Order(), (await Dump(services)).Keys.Order());
        Assert.Equal(expected.Values.Order(), (await Dump(services)).Values.Order());
    }

    [Fact]
    public async Task A_capped_preview_page_is_split_and_never_stored_as_complete()
    {
        await using var services = await Services();
        var marked = System.Text.Json.Nodes.JsonNode.Parse(RecordedComtrade.RealRecord(e => e.GetProperty("reporterCode").GetInt32() == 842))!;
        marked["primaryValue"] = 9999999999d;
        var capped = "{\"elapsedTime\":\"x\",\"count\":500,\"data\":[" +
            string.Join(',', Enumerable.Repeat(marked.ToJsonString(), 500)) + "],\"error\":\"\"}";
        _server.Script = async (call, context) =>
        {
            if (call != 1)
            {
                return false;
            }

            await Answer(context, 200, "application/json", capped);
            return true;
        };

        var run = await Run(services);

        Assert.Equal(FeedRunStatus.Succeeded, run.Status);
        var rows = await Dump(services);
        Assert.DoesNotContain(rows.Values, v => v.Contains("ValueUsd=9999999999", StringComparison.Ordinal));
        Assert.True(_server.Calls > Plan(services).Count + 1);
        Assert.True(run.Outcome!.Records.AddsUp);
    }

    [Fact]
    public async Task Missing_key_401_fails_its_slices_clearly_and_the_rest_is_stored()
    {
        await using var services = await Services();
        var body = File.ReadAllText(RecordedComtrade.Path("error-401-missing-key.json"));
        _server.Script = async (call, context) =>
        {
            if (call != 1)
            {
                return false;
            }

            await Answer(context, 401, "application/json", body);
            return true;
        };

        var run = await Run(services);

        Assert.Equal(FeedRunStatus.PartiallyFailed, run.Status);
        Assert.Contains(run.Outcome!.FailedSlices, s => s.Contains("401", StringComparison.Ordinal) && s.Contains("key", StringComparison.Ordinal));
        Assert.True(run.Outcome.Records.Stored > 0);
        Assert.True(run.Outcome.Records.AddsUp);

        // Next run retries exactly the failed slices' request and completes.
        var next = await Run(services);
        Assert.Equal(FeedRunStatus.Succeeded, next.Status);
        Assert.True(next.Outcome!.SlicesStored > 0);
    }

    [Fact]
    public async Task Quota_403_ends_the_run_cleanly_without_retrying()
    {
        await using var services = await Services();
        _server.Script = async (call, context) =>
        {
            await Answer(context, 403, "application/json", "{ \"statusCode\": 403, \"message\": \"Out of call volume quota. Quota will be replenished in 05:10:11.\" }");
            return true;
        };

        var run = await Run(services);

        Assert.Equal(FeedRunStatus.PartiallyFailed, run.Status);
        Assert.Equal(1, _server.Calls);
        Assert.All(run.Outcome!.FailedSlices, s => Assert.Contains("quota", s, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(0, run.Outcome.Records.Read);
    }

    [Fact]
    public async Task The_daily_call_guard_stops_before_the_quota_is_spent()
    {
        await using var services = await Services(new() { [SettingKeys.ComtradeDailyCallQuota] = "2" });

        var run = await Run(services);

        Assert.Equal(FeedRunStatus.PartiallyFailed, run.Status);
        Assert.Equal(2, _server.Calls);
        Assert.Contains(run.Outcome!.FailedSlices, s => s.Contains("Feeds:Comtrade:DailyCallQuota", StringComparison.Ordinal));
        Assert.True(run.Outcome.Records.Stored > 0);
    }

    [Theory]
    [InlineData("retry-after")]
    [InlineData("body-text")]
    [InlineData("500")]
    [InlineData("timeout")]
    public async Task Transient_failures_are_retried(string kind)
    {
        await using (var reference = await Services())
        {
            await Run(reference);
        }

        var plain = _server.Calls;
        _server.Reset();
        await using var services = await Services();
        var body429 = File.ReadAllText(RecordedComtrade.Path("error-429-rate-limit.json")).Replace("2 seconds", "1 seconds", StringComparison.Ordinal);
        _server.Script = async (call, context) =>
        {
            if (call != 1)
            {
                return false;
            }

            switch (kind)
            {
                case "retry-after":
                    await Answer(context, 429, "application/json", "{}", h => h.RetryAfter = "1");
                    break;
                case "body-text":
                    await Answer(context, 429, "application/json", body429);
                    break;
                case "500":
                    await Answer(context, 500, "text/plain", "oops");
                    break;
                default:
                    await Task.Delay(TimeSpan.FromSeconds(3), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                    break;
            }

            return true;
        };

        var run = await Run(services);

        Assert.Equal(FeedRunStatus.Succeeded, run.Status);
        Assert.Equal(plain + 1, _server.Calls); // one retry, then every call of a fault-free run once
        var urls = _server.Requests.ToArray();
        Assert.Equal(urls[0], urls[1]);
    }

    [Theory]
    [InlineData("html")]
    [InlineData("truncated")]
    public async Task Bad_bodies_fail_that_request_clearly(string kind)
    {
        await using var services = await Services();
        var real = File.ReadAllText(RecordedComtrade.Path("real.json"));
        _server.Script = async (call, context) =>
        {
            if (call != 1)
            {
                return false;
            }

            if (kind == "html")
            {
                await Answer(context, 200, "text/html", "<html><body><h1>Service temporarily unavailable</h1></body></html>");
            }
            else
            {
                await Answer(context, 200, "application/json", real[..(real.Length / 3)]);
            }

            return true;
        };

        var run = await Run(services);

        Assert.Equal(FeedRunStatus.PartiallyFailed, run.Status);
        var failure = run.Outcome!.FailedSlices.First();
        Assert.Contains(kind == "html" ? "text/html" : "complete", failure, StringComparison.Ordinal);
        Assert.Contains("/public/v1/preview/C/A/HS?", failure, StringComparison.Ordinal);
        Assert.True(run.Outcome.Records.AddsUp);
    }

    [Fact]
    public async Task An_unresolved_key_vault_reference_is_a_configuration_error()
    {
        await using var services = await Services(new() { [SettingKeys.ComtradeSubscriptionKey] = "@Microsoft.KeyVault(SecretUri=https://feeds.vault.azure.net/secrets/comtrade-key)" });

        var run = await Run(services);

        Assert.NotEqual(FeedRunStatus.Succeeded, run.Status);
        Assert.Equal(0, _server.Calls);
        Assert.Contains(run.Outcome!.FailedSlices, s => s.Contains("Key Vault reference", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Quarantined_records_are_kept_with_their_reason()
    {
        await using var services = await Services();
        var node = System.Text.Json.Nodes.JsonNode.Parse(
            RecordedComtrade.RealRecord(e => e.GetProperty("reporterCode").GetInt32() == 842 && e.GetProperty("cmdCode").GetString() == "283691"))!;
        node["flowCode"] = "RX";
        var bad = node.ToJsonString();
        _server.Script = async (call, context) =>
        {
            if (!context.Request.QueryString.Value!.Contains("reporterCode=842", StringComparison.Ordinal) || !context.Request.QueryString.Value.Contains("283691", StringComparison.Ordinal)
                || !context.Request.Path.Value!.Contains("/C/A/", StringComparison.Ordinal))
            {
                return false;
            }

            await Answer(context, 200, "application/json", "{\"count\":1,\"data\":[" + bad + "],\"error\":\"\"}");
            return true;
        };

        var run = await Run(services);

        Assert.Equal(1, run.Outcome!.Records.Quarantined);
        Assert.True(run.Outcome.Records.AddsUp);
        var kept = await services.GetRequiredService<QuarantineStore>().ReadAsync(ComtradeFeed.FeedName, run.RunId, 10, CancellationToken.None);
        var record = Assert.Single(kept);
        Assert.Contains("flowCode 'RX'", record.Reason, StringComparison.Ordinal);
        Assert.Contains("\"RX\"", record.Raw, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20261128)]
    public async Task A_fault_mix_of_500s_429s_and_timeouts_ends_with_every_slice_stored_in_the_same_run(int seed)
    {
        Dictionary<string, string> expected;
        await using (var reference = await Services(OneYear()))
        {
            var clean = await Run(reference);
            Assert.Equal(FeedRunStatus.Succeeded, clean.Status);
            expected = await Dump(reference);
        }

        _server.Reset();
        var mix = new ComtradeFaultMix(seed);
        _server.Script = (_, context) => mix.AnswerAsync(context);
        await using var services = await Services(OneYear());
        var plan = Plan(services);
        var slices = plan.SelectMany(r => r.Slices).Select(s => s.Key).ToHashSet();

        var run = await Run(services);

        // The mix really hit: about a third 500, a third 429, some hung attempts.
        Assert.InRange(mix.ServerErrors, plan.Count / 5, plan.Count / 2);
        Assert.InRange(mix.RateLimited, plan.Count / 5, plan.Count / 2);
        Assert.True(mix.Hung > 0);
        Assert.Equal(FeedRunStatus.Succeeded, run.Status);
        Assert.Empty(run.Outcome!.FailedSlices);
        Assert.Equal(slices.Count, run.Outcome.SlicesStored + run.Outcome.SlicesUnchanged);
        Assert.True(run.Outcome.Records.AddsUp, run.Outcome.Records.ToString());
        Assert.Equal(expected, await Dump(services));

        var again = await Run(services, force: true);
        Assert.Equal(FeedRunStatus.Succeeded, again.Status);
        Assert.Equal(expected, await Dump(services));
    }

    [Fact]
    public async Task The_first_waves_breaker_failed_this_mix_and_the_shipped_pipeline_does_not()
    {
        await using var services = await Services(OneYear());
        var client = services.GetRequiredService<ComtradeClient>();
        var urls = Plan(services).Take(24).Select(r => client.BuildUrl(r)).ToList();
        var timings = new ComtradeResilienceOptions
        {
            RetryDelay = TimeSpan.FromMilliseconds(10),
            MaxRetryDelay = TimeSpan.FromSeconds(3),
            AttemptTimeout = TimeSpan.FromSeconds(1),
            MaxRetryAttempts = 2,
        };

        // The first wave's breaker, as measured: 4 attempts, half failing, 429s counted as failures.
        var firstWave = new Polly.ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new Microsoft.Extensions.Http.Resilience.HttpRetryStrategyOptions
            {
                MaxRetryAttempts = timings.MaxRetryAttempts,
                Delay = timings.RetryDelay,
                DelayGenerator = args => ComtradeResilience.ServerDelayAsync(args.Outcome.Result, args.Context.CancellationToken),
            })
            .AddCircuitBreaker(new Microsoft.Extensions.Http.Resilience.HttpCircuitBreakerStrategyOptions
            {
                MinimumThroughput = 4,
                FailureRatio = 0.5,
                SamplingDuration = timings.BreakerSamplingDuration,
                BreakDuration = timings.BreakDuration,
            })
            .AddTimeout(timings.AttemptTimeout)
            .Build();
        var shippedBuilder = new Polly.ResiliencePipelineBuilder<HttpResponseMessage>();
        ComtradeResilience.Configure(shippedBuilder, timings);
        var shipped = shippedBuilder.Build();

        async Task<(int Failed, int Broken)> Drive(Polly.ResiliencePipeline<HttpResponseMessage> pipeline)
        {
            _server.Reset();
            var mix = new ComtradeFaultMix(7);
            _server.Script = (_, context) => mix.AnswerAsync(context);
            using var http = new HttpClient();
            var (failed, broken) = (0, 0);
            foreach (var url in urls)
            {
                try
                {
                    using var response = await pipeline.ExecuteAsync(async ct =>
                    {
                        var request = new HttpRequestMessage(HttpMethod.Get, url);
                        request.Headers.Add("Ocp-Apim-Subscription-Key", "stand-in-key");
                        return await http.SendAsync(request, ct);
                    });
                    failed += response.IsSuccessStatusCode ? 0 : 1;
                }
                catch (Polly.CircuitBreaker.BrokenCircuitException)
                {
                    (failed, broken) = (failed + 1, broken + 1);
                }
                catch (Polly.Timeout.TimeoutRejectedException)
                {
                    failed++;
                }
            }

            return (failed, broken);
        }

        var before = await Drive(firstWave);
        var after = await Drive(shipped);

        Assert.True(before.Broken >= urls.Count / 3, $"the first wave's breaker failed {before.Failed} of {urls.Count} calls, {before.Broken} of them with the circuit open");
        Assert.Equal((0, 0), after);
    }

    [Fact]
    public async Task A_sustained_outage_opens_the_circuit_and_the_run_waits_it_out()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var outageEnds = TimeSpan.MaxValue;
        var duringOutage = 0;
        _server.Script = async (_, context) =>
        {
            if (outageEnds == TimeSpan.MaxValue)
            {
                outageEnds = clock.Elapsed + TimeSpan.FromSeconds(2);
            }

            if (clock.Elapsed >= outageEnds)
            {
                return false;
            }

            Interlocked.Increment(ref duringOutage);
            await Answer(context, 503, "text/plain", "Service Unavailable");
            return true;
        };
        await using var services = await Services(OneYear((SettingKeys.ComtradeFrequencies, "A")), o =>
        {
            o.BreakerMinimumThroughput = 2;
            o.BreakerFailureRatio = 0.5;
            o.BreakerSamplingDuration = TimeSpan.FromSeconds(2);
            o.BreakDuration = TimeSpan.FromMilliseconds(500);
        });
        var run = await Run(services);

        Assert.Equal(FeedRunStatus.Succeeded, run.Status);
        Assert.Empty(run.Outcome!.FailedSlices);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2));
        // The breaker kept the outage to a few probes instead of every call's retries.
        Assert.InRange(duringOutage, 2, Plan(services).Count * 3 / 2);
        Assert.Equal(Plan(services).SelectMany(r => r.Slices).Count(), run.Outcome.SlicesStored + run.Outcome.SlicesUnchanged);
    }

    [Fact]
    public async Task A_used_up_run_budget_ends_the_run_cleanly_and_the_slices_left_go_first_next_time()
    {
        _server.Script = async (_, context) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(400), context.RequestAborted);
            return false;
        };
        await using var services = await Services(OneYear((SettingKeys.ComtradeFrequencies, "A"), (SettingKeys.ComtradeRunBudget, "00:00:01")));
        var plan = Plan(services);

        var first = await Run(services);

        Assert.Equal(FeedRunStatus.PartiallyFailed, first.Status);
        Assert.InRange(_server.Calls, 1, plan.Count - 1);
        Assert.Contains(first.Outcome!.FailedSlices, s => s.Contains("run budget", StringComparison.Ordinal));
        Assert.True(first.Outcome.Records.AddsUp);
        var attempted = _server.Requests.ToHashSet();

        _server.Reset();
        services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ComtradeOptions>>().Value.RunBudget = TimeSpan.FromMinutes(5);
        var second = await Run(services);

        Assert.Equal(FeedRunStatus.Succeeded, second.Status);
        var order = _server.Requests.ToList();
        var left = plan.Count - attempted.Count;
        Assert.All(order.Take(left), url => Assert.DoesNotContain(url, attempted));
    }

    [Fact]
    public async Task Monthly_and_mirror_rows_are_stored_beside_the_annual_ones_and_an_annual_refresh_leaves_them()
    {
        await using var services = await Services(OneYear((SettingKeys.ComtradeToYear, "2024")));
        var table = services.GetRequiredService<FeedTables>().Get(FeedTables.TradeFlows);
        var run = await Run(services);
        Assert.Equal(FeedRunStatus.Succeeded, run.Status);

        // China's real monthly exports to India (the table's January 2023 value for 250410) ...
        var china = (await table.GetEntityAsync<TableEntity>("CHN-graphite", "2023-01-X-250410-699")).Value;
        Assert.Equal(1034411d, china.GetDouble("ValueUsd"));
        Assert.Equal(1, china.GetInt32("Month"));
        Assert.Equal("reported", china.GetString("Source"));
        Assert.False(china.GetBoolean("IsSample"));
        // ... are India's imports from China in the mirror: flow seen from India, China as partner, FOB kept.
        var mirror = (await table.GetEntityAsync<TableEntity>("IND-graphite-mirror", "2023-01-M-250410-156")).Value;
        Assert.Equal(1034411d, mirror.GetDouble("ValueUsd"));
        Assert.Equal(1034411d, mirror.GetDouble("FobUsd"));
        Assert.Equal("mirror", mirror.GetString("Source"));
        Assert.Equal("CHN", mirror.GetString("PartnerKey"));
        Assert.False(mirror.GetBoolean("IsSample"));
        // A month China did not publish for a partner is absent, not zero (Italy, February 2023); Italy is 380.
        Assert.Equal("ITA", (await table.GetEntityAsync<TableEntity>("CHN-graphite", "2023-01-X-250410-380")).Value.GetString("PartnerKey"));
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("CHN-graphite", "2023-02-X-250410-380")).HasValue);

        var monthly = (await Dump(services)).Where(r => !r.Key.Contains("-00-", StringComparison.Ordinal)).ToDictionary();
        Assert.InRange(monthly.Count, 1000, int.MaxValue);
        services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ComtradeOptions>>().Value.Frequencies = "A";
        var annual = await Run(services, force: true);

        Assert.Equal(FeedRunStatus.Succeeded, annual.Status);
        Assert.Equal(0, annual.Outcome!.EntitiesDeleted);
        Assert.Equal(monthly, (await Dump(services)).Where(r => !r.Key.Contains("-00-", StringComparison.Ordinal)).ToDictionary());
    }
}
