using Azure.Data.Tables;
using Feeds.Core.Pipeline;
using Feeds.Core.Storage;
using Feeds.Core.Trade;
using Feeds.Local;
using Feeds.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Feeds.Tests.Integration.Queue;

/// <summary>
/// Runs fanned out over the real queue on Azurite, worked by in-process workers (the local host's and the Functions
/// trigger's seam, <see cref="FeedSliceProcessor"/>), against the Comtrade stand-in over real HTTP.
/// </summary>
[Collection(TimingCollection.Name)]
public sealed class QueuedRunTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly string[] SystemColumns = ["odata.etag", "Timestamp", "RunId", "RetrievedAt"];

    /// <summary>A backfill the operator would ask for: two reporters, two years, annual and monthly data.</summary>
    private static readonly FeedRunRequest Backfill = new(From: 2022, To: 2023, Reporters: ["IND", "USA"]);

    private ComtradeStandIn _server = null!;

    public async Task InitializeAsync() => _server = await ComtradeStandIn.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Task<ServiceProvider> Services(
        double requestsPerSecond = 1000, FeedQueueTimings? timings = null, Action<IServiceCollection>? configure = null) =>
        TestStorage.CreateAsync(azurite, s =>
        {
            s.AddSingleton(timings ?? new FeedQueueTimings { RetryDelay = TimeSpan.FromMilliseconds(100), MaxPollInterval = TimeSpan.FromMilliseconds(200) });
            s.Configure<ComtradeResilienceOptions>(o =>
            {
                o.RetryDelay = TimeSpan.FromMilliseconds(10);
                o.MaxRetryDelay = TimeSpan.FromSeconds(3);
                o.AttemptTimeout = TimeSpan.FromSeconds(5);
                o.MaxRetryAttempts = 2;
            });
            configure?.Invoke(s);
        }, new Dictionary<string, string?>
        {
            [SettingKeys.ComtradeBaseUrl] = _server.BaseUrl,
            [SettingKeys.ComtradeSubscriptionKey] = "stand-in-key",
            // The stand-in is on loopback: the key may go there only because it is listed.
            [SettingKeys.ComtradeKeyHosts] = "127.0.0.1",
            [SettingKeys.ComtradeFrequencies] = "A;M",
            [SettingKeys.ComtradeMonthlyWindowMonths] = "1",
            [SettingKeys.ComtradeRequestsPerSecond] = requestsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    private static async Task<FeedRunRecord> SeedCatalogAsync(ServiceProvider services)
    {
        var run = await services.GetRequiredService<FeedRunService>().RunAsync("catalog", "test", false, null, CancellationToken.None);
        Assert.Equal(FeedRunStatus.Succeeded, run.Status);
        return run;
    }

    private static Task<FeedRunRecord> StartAsync(ServiceProvider services, string feed = ComtradeFeed.FeedName, FeedRunRequest? request = null) =>
        services.GetRequiredService<FeedRunStarter>().StartAsync(feed, "test", request ?? Backfill, CancellationToken.None);

    /// <summary>Every business column of every row of the tables a Comtrade run writes (system columns and run ids aside).</summary>
    private static async Task<SortedDictionary<string, string>> DumpAsync(ServiceProvider services)
    {
        var rows = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var tables = services.GetRequiredService<FeedTables>();
        await foreach (var e in tables.Get(FeedTables.TradeFlows).QueryAsync<TableEntity>())
        {
            rows[$"trade/{e.PartitionKey}/{e.RowKey}"] = string.Join("|", e.Keys.Where(k => !SystemColumns.Contains(k)).Order(StringComparer.Ordinal).Select(k => $"{k}={e[k]}"));
        }

        await foreach (var e in tables.Get(FeedTables.FeedCheckpoints).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {ComtradeFeed.FeedName}")))
        {
            rows[$"checkpoint/{e.RowKey}"] = e.GetString("Hash");
        }

        return rows;
    }

    private static void AssertCountsAddUp(FeedRunRecord run)
    {
        Assert.True(run.Outcome!.Records.AddsUp, run.Outcome.Records.ToString());
        Assert.Equal(run.Slices!.Planned, run.Slices.Done + run.Slices.Failed);
    }

    [Fact]
    public async Task A_backfill_worked_by_four_workers_leaves_the_tables_one_worker_leaves()
    {
        await using var one = await Services();
        await SeedCatalogAsync(one);
        var alone = await QueueWorkers.RunUntilEndedAsync(one, await StartAsync(one), count: 1);

        await using var four = await Services();
        await SeedCatalogAsync(four);
        var together = await QueueWorkers.RunUntilEndedAsync(four, await StartAsync(four), count: 4);

        Assert.Equal((FeedRunStatus.Succeeded, FeedRunStatus.Succeeded), (alone.Status, together.Status));
        Assert.True(alone.Slices!.Planned >= 12, $"{alone.Slices.Planned} slices");
        Assert.Equal(alone.Slices, together.Slices);
        Assert.Equal(alone.Outcome!.Records, together.Outcome!.Records);
        AssertCountsAddUp(together);
        var expected = await DumpAsync(one);
        Assert.Contains(expected.Keys, k => k.StartsWith("trade/IND-", StringComparison.Ordinal));
        Assert.Equal(expected, await DumpAsync(four));
        // The lease was given back: the next start is not refused.
        Assert.Equal(FeedRunStatus.Running, (await StartAsync(four)).Status);
    }

    [Fact]
    public async Task Every_message_delivered_twice_changes_nothing()
    {
        await using var reference = await Services();
        await SeedCatalogAsync(reference);
        var once = await QueueWorkers.RunUntilEndedAsync(reference, await StartAsync(reference), count: 2);

        var observer = new Mock<IFeedRunObserver>();
        await using var services = await Services(configure: s => s.AddSingleton(observer.Object));
        await SeedCatalogAsync(services);
        observer.Invocations.Clear();
        var run = await StartAsync(services);
        var queue = services.GetRequiredService<FeedSliceQueues>();
        // Read every message once (they reappear two seconds later) and send a copy of each.
        var copies = new List<BinaryData>();
        // Every wait here has a deadline: a run that never ends must fail this test, never hang the suite.
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (copies.Count < run.Slices!.Planned)
        {
            deadline.Token.ThrowIfCancellationRequested();
            copies.AddRange((await queue.Slices.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(2))).Value.Select(m => m.Body));
        }

        Assert.Equal(run.Slices.Planned, copies.Count);
        foreach (var copy in copies)
        {
            await queue.Slices.SendMessageAsync(copy);
        }

        FeedRunRecord twice;
        using (var stop = new CancellationTokenSource())
        {
            var workers = QueueWorkers.Start(services, 3, stop.Token);
            twice = await services.GetRequiredService<FeedRunStarter>().WaitAsync(run, null, TimeSpan.FromMilliseconds(50), deadline.Token);

            // And once more after the run ended; then until every message (the count includes invisible ones) is gone.
            await queue.Slices.SendMessageAsync(copies[0]);
            while ((await queue.Slices.GetPropertiesAsync()).Value.ApproximateMessagesCount > 0)
            {
                await Task.Delay(50, deadline.Token);
            }

            await stop.CancelAsync();
            await Task.WhenAll(workers);
        }

        var after = await services.GetRequiredService<FeedRunStore>().GetAsync(ComtradeFeed.FeedName, run.RunId, CancellationToken.None);
        Assert.Equal(FeedRunStatus.Succeeded, twice.Status);
        Assert.Equal((once.Slices, once.Outcome!.Records), (twice.Slices, twice.Outcome!.Records));
        Assert.Equal((twice.Slices, twice.Outcome.Records, twice.FinishedAt), (after!.Slices, after.Outcome!.Records, after.FinishedAt));
        Assert.Equal(await DumpAsync(reference), await DumpAsync(services));
        // The follow-ups ran once for the run, although the last slices were delivered twice (and one after the end).
        observer.Verify(o => o.OnRunFinishedAsync(It.Is<FeedRunRecord>(r => r.RunId == run.RunId), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_worker_killed_mid_slice_leaves_its_message_to_another_and_the_tables_end_as_without_the_kill()
    {
        await using var reference = await Services();
        await SeedCatalogAsync(reference);
        await QueueWorkers.RunUntilEndedAsync(reference, await StartAsync(reference), count: 1);
        var expected = await DumpAsync(reference);

        var timings = new FeedQueueTimings { VisibilityTimeout = TimeSpan.FromSeconds(2), RetryDelay = TimeSpan.FromMilliseconds(100), MaxPollInterval = TimeSpan.FromMilliseconds(200) };
        await using var services = await Services(timings: timings);
        await SeedCatalogAsync(services);
        var run = await StartAsync(services);
        using var kill = new CancellationTokenSource();
        var before = _server.Calls;
        _server.Script = async (call, context) =>
        {
            if (call == before + 3)
            {
                // The host stops the worker while its third call is in flight; the answer never arrives.
                await kill.CancelAsync();
                await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
            }

            return false;
        };
        await Task.WhenAll(QueueWorkers.Start(services, 1, kill.Token));
        _server.Script = (_, _) => Task.FromResult(false);
        var stopped = await services.GetRequiredService<FeedRunStore>().GetAsync(ComtradeFeed.FeedName, run.RunId, CancellationToken.None);
        Assert.Equal(FeedRunStatus.Running, stopped!.Status);
        Assert.Equal(2, stopped.Slices!.Done);

        var finished = await QueueWorkers.RunUntilEndedAsync(services, run, count: 2);

        Assert.Equal(FeedRunStatus.Succeeded, finished.Status);
        AssertCountsAddUp(finished);
        Assert.Equal(expected, await DumpAsync(services));
    }

    [Fact]
    public async Task A_fault_mix_of_500s_429s_and_timeouts_through_a_whole_queued_run_converges_to_the_clean_tables()
    {
        await using var reference = await Services();
        await SeedCatalogAsync(reference);
        var clean = await QueueWorkers.RunUntilEndedAsync(reference, await StartAsync(reference), count: 2);
        var expected = await DumpAsync(reference);

        // A third of the first attempts answer 500, a third 429 (Retry-After or the body's text), a tenth hang past the attempt timeout.
        var mix = new ComtradeFaultMix(11);
        await using var services = await Services(configure: s => s.Configure<ComtradeResilienceOptions>(o => o.AttemptTimeout = TimeSpan.FromSeconds(1)));
        await SeedCatalogAsync(services);
        var run = await StartAsync(services);
        _server.Reset();
        _server.Script = (_, context) => mix.AnswerAsync(context);

        var finished = await QueueWorkers.RunUntilEndedAsync(services, run, count: 4);

        Assert.True(mix.ServerErrors > 0 && mix.RateLimited > 0 && mix.Hung > 0, $"500s {mix.ServerErrors}, 429s {mix.RateLimited}, hung {mix.Hung}");
        Assert.Equal(FeedRunStatus.Succeeded, finished.Status);
        Assert.Empty(finished.Outcome!.FailedSlices);
        Assert.Equal(clean.Slices, finished.Slices);
        Assert.Equal(clean.Outcome!.Records, finished.Outcome.Records);
        AssertCountsAddUp(finished);
        Assert.Equal(expected, await DumpAsync(services));
        Assert.Equal(0, (await services.GetRequiredService<FeedSliceQueues>().Poison.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task The_source_never_sees_more_than_the_configured_rate_from_four_workers()
    {
        // Four workers with no pacing would make these 16 calls within well under a second.
        const double rate = 8;
        await using var services = await Services(requestsPerSecond: rate);
        await SeedCatalogAsync(services);
        var run = await StartAsync(services, request: new FeedRunRequest(From: 2023, To: 2023, Reporters: ["IND"]));
        _server.Reset();

        var finished = await QueueWorkers.RunUntilEndedAsync(services, run, count: 4);

        Assert.Equal(FeedRunStatus.Succeeded, finished.Status);
        Assert.True(_server.Calls > 1.5 * rate, $"{_server.Calls} calls: too few to measure a rate");
        Assert.InRange(_server.MaxPerSecond(), 2, (int)rate);
    }

    [Fact]
    public async Task A_slice_that_fails_every_attempt_goes_to_the_poison_queue_and_the_run_reports_it_with_its_reason()
    {
        var observer = new Mock<IFeedRunObserver>();
        await using var services = await Services(configure: s =>
        {
            s.AddSingleton(ProbeFeed(slice => slice.Payload == "bad" ? throw new InvalidOperationException("the source sent nonsense") : Ok).Object);
            s.AddSingleton(observer.Object);
        });

        var run = await StartAsync(services, "probe", FeedRunRequest.Default);
        var finished = await QueueWorkers.RunUntilEndedAsync(services, run, count: 2);

        Assert.Equal(FeedRunStatus.PartiallyFailed, finished.Status);
        Assert.Equal(new FeedRunProgress(3, 2, 1), finished.Slices);
        var failure = Assert.Single(finished.Outcome!.FailedSlices);
        Assert.Contains("slice bad", failure, StringComparison.Ordinal);
        Assert.Contains($"failed {FeedSliceQueues.MaxDequeueCount} times", failure, StringComparison.Ordinal);
        Assert.Contains("the source sent nonsense", failure, StringComparison.Ordinal);
        Assert.Equal(new RecordCounts(2, 2, 0, 0, 0), finished.Outcome.Records);
        var queue = services.GetRequiredService<FeedSliceQueues>();
        var poisoned = Assert.Single((await queue.Poison.PeekMessagesAsync(10)).Value);
        Assert.Equal("bad", FeedSliceMessage.Parse(poisoned.Body.ToString())!.Payload);
        Assert.Equal(0, (await queue.Slices.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        // The follow-ups ran once, told the final status.
        observer.Verify(o => o.OnRunFinishedAsync(It.Is<FeedRunRecord>(r => r.RunId == run.RunId && r.Status == FeedRunStatus.PartiallyFailed), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task The_follow_ups_run_once_when_the_last_of_many_slices_ends_with_several_workers()
    {
        var observer = new Mock<IFeedRunObserver>();
        await using var services = await Services(configure: s =>
        {
            s.AddSingleton(ProbeFeed(_ => Ok, slices: 30).Object);
            s.AddSingleton(observer.Object);
        });

        var finished = await QueueWorkers.RunUntilEndedAsync(services, await StartAsync(services, "probe", FeedRunRequest.Default), count: 4);

        Assert.Equal((FeedRunStatus.Succeeded, new FeedRunProgress(30, 30, 0)), (finished.Status, finished.Slices));
        Assert.Equal(new RecordCounts(30, 30, 0, 0, 0), finished.Outcome!.Records);
        observer.Verify(o => o.OnRunFinishedAsync(It.Is<FeedRunRecord>(r => r.Status == FeedRunStatus.Succeeded), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_second_start_while_a_run_runs_is_refused_naming_the_running_run()
    {
        await using var services = await Services(configure: s => s.AddSingleton(ProbeFeed(_ => Ok).Object));
        var first = await StartAsync(services, "probe", FeedRunRequest.Default);

        var conflict = await Assert.ThrowsAsync<FeedRunConflictException>(() => StartAsync(services, "probe", FeedRunRequest.Default));
        var inline = await Assert.ThrowsAsync<FeedRunConflictException>(() => services.GetRequiredService<FeedRunService>().RunAsync("probe", "test", false, null, CancellationToken.None));

        Assert.Equal((first.RunId, first.RunId), (conflict.Running.RunId, inline.Running.RunId));
        var finished = await QueueWorkers.RunUntilEndedAsync(services, first, count: 1);
        Assert.Equal(FeedRunStatus.Succeeded, finished.Status);
        Assert.Equal(FeedRunStatus.Succeeded, (await services.GetRequiredService<FeedRunService>().RunAsync("probe", "test", false, null, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task A_run_that_stopped_moving_is_taken_over_after_StaleAfter()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse("2026-11-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var services = await Services(configure: s =>
        {
            s.AddSingleton<TimeProvider>(time);
            s.AddSingleton(ProbeFeed(_ => Ok).Object);
        });
        var dead = await StartAsync(services, "probe", FeedRunRequest.Default);
        time.Advance(TimeSpan.FromHours(1));
        await Assert.ThrowsAsync<FeedRunConflictException>(() => StartAsync(services, "probe", FeedRunRequest.Default));

        time.Advance(TimeSpan.FromHours(1.5));
        var next = await StartAsync(services, "probe", FeedRunRequest.Default);

        Assert.Equal(FeedRunStatus.Running, next.Status);
        var abandoned = await services.GetRequiredService<FeedRunStore>().GetAsync("probe", dead.RunId, CancellationToken.None);
        Assert.Equal(FeedRunStatus.Failed, abandoned!.Status);
        Assert.Contains(next.RunId, abandoned.Error, StringComparison.Ordinal);
    }

    private static FeedRunOutcome Ok => new(new RecordCounts(1, 1, 0, 0, 0), 1, 0, 1, 0, []);

    /// <summary>A feed of <paramref name="slices"/> slices (the second named "bad") whose slices run as <paramref name="run"/> says.</summary>
    private static Mock<IFeedRunner> ProbeFeed(Func<FeedSlice, FeedRunOutcome> run, int slices = 3)
    {
        var feed = new Mock<IFeedRunner>();
        feed.SetupGet(f => f.Name).Returns("probe");
        feed.SetupGet(f => f.MaxAge).Returns(TimeSpan.FromDays(1));
        feed.Setup(f => f.RunAsync(It.IsAny<FeedRunContext>(), It.IsAny<CancellationToken>())).ReturnsAsync(Ok);
        feed.Setup(f => f.PlanAsync(It.IsAny<FeedRunRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([.. Enumerable.Range(0, slices).Select(i => i == 1 ? new FeedSlice("slice bad", "bad") : new FeedSlice($"slice {i}", $"ok-{i}"))]);
        feed.Setup(f => f.RunSliceAsync(It.IsAny<FeedSlice>(), It.IsAny<FeedRunContext>(), It.IsAny<CancellationToken>()))
            .Returns((FeedSlice slice, FeedRunContext _, CancellationToken _) => Task.FromResult(run(slice)));
        return feed;
    }
}
