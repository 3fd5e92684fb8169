using Feeds.Core.Catalog;
using Feeds.Core.Pipeline;
using Feeds.Core.Trade;
using Feeds.Local;
using Feeds.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Feeds.Tests.Integration;

/// <summary>Behaviour that turns on the clock, driven by a fake clock over real storage: freshness age, the quota's day.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ClockTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_feed_is_fresh_until_its_max_age_has_passed_since_its_last_success()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 0, 15, 0, TimeSpan.Zero));
        await using var services = await TestStorage.CreateAsync(azurite, s => s.AddSingleton<TimeProvider>(clock));
        var run = await services.GetRequiredService<FeedRunService>().RunAsync(CatalogFeed.FeedName, "test", false, null, CancellationToken.None);
        var freshness = services.GetRequiredService<FeedFreshness>();
        var maxAge = services.GetServices<IFeedRunner>().Single(f => f.Name == CatalogFeed.FeedName).MaxAge;

        clock.SetUtcNow(run.FinishedAt!.Value + maxAge);
        Assert.False((await freshness.CheckAsync(CancellationToken.None)).Single(f => f.Feed == CatalogFeed.FeedName).Stale);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await freshness.CheckAsync(CancellationToken.None)).Single(f => f.Feed == CatalogFeed.FeedName).Stale);
    }

    [Fact]
    public async Task The_daily_call_quota_starts_again_at_midnight_utc()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 23, 59, 0, TimeSpan.Zero));
        await using var services = await TestStorage.CreateAsync(azurite, s => s.AddSingleton<TimeProvider>(clock),
            new Dictionary<string, string?> { [SettingKeys.ComtradeDailyCallQuota] = "2" });
        var quota = services.GetRequiredService<ComtradeQuotaGuard>();

        await quota.AcquireAsync(CancellationToken.None);
        await quota.AcquireAsync(CancellationToken.None);
        var spent = await Assert.ThrowsAsync<ComtradeException>(() => quota.AcquireAsync(CancellationToken.None));
        Assert.True(spent.QuotaExhausted);

        clock.Advance(TimeSpan.FromSeconds(59));
        await Assert.ThrowsAsync<ComtradeException>(() => quota.AcquireAsync(CancellationToken.None));

        clock.Advance(TimeSpan.FromSeconds(1)); // 2026-11-29T00:00:00Z
        await quota.AcquireAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_default_year_window_ends_with_the_last_full_calendar_year_on_the_clock()
    {
        await using var standIn = await ComtradeStandIn.StartAsync();
        // A running clock, not a frozen one: the run paces its calls through the shared rate gate, which waits on it.
        var clock = new ShiftedClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var services = await TestStorage.CreateAsync(azurite, s => s.AddSingleton<TimeProvider>(clock),
            new Dictionary<string, string?>
            {
                [SettingKeys.ComtradeBaseUrl] = standIn.BaseUrl,
                [SettingKeys.ComtradeRequestsPerSecond] = "1000",
                [SettingKeys.ComtradeReporters] = "USA",
                [SettingKeys.ComtradeMirrorOf] = "",
                [SettingKeys.ComtradeMonthlyWindowMonths] = "3",
            });

        await services.GetRequiredService<FeedRunService>().RunAsync(ComtradeFeed.FeedName, "test", false, null, CancellationToken.None);

        // Annual: the five years before the clock's; monthly: the three complete months before it.
        var annual = standIn.Requests.Where(url => url.Contains("/C/A/", StringComparison.Ordinal)).ToList();
        var monthly = standIn.Requests.Where(url => url.Contains("/C/M/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(annual);
        Assert.All(annual, url => Assert.Contains("period=2021,2022,2023,2024,2025&", url, StringComparison.Ordinal));
        Assert.NotEmpty(monthly);
        Assert.All(monthly, url => Assert.Contains("period=202510,202511,202512&", url, StringComparison.Ordinal));
        Assert.Equal(standIn.Requests.Count, annual.Count + monthly.Count);
    }
}
