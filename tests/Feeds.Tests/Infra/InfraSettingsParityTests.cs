using System.Reflection;
using System.Text.Json.Nodes;
using Feeds.Core;
using Feeds.Core.Pipeline;
using Feeds.Functions.Triggers;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Feeds.Tests.Infra;

/// <summary>
/// The app settings the templates deploy and the settings the code reads (FeedsSettingsTable.All) are the same list with
/// the same defaults; feeds and their stale alerts, and timer schedules and their settings, stay in step too.
/// </summary>
public sealed class InfraSettingsParityTests
{
    /// <summary>
    /// Set by the templates before the code that reads them is merged. Keep it tiny; the test fails once the code
    /// reads the key, so the entry is removed then.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Pending = new Dictionary<string, string>();

    /// <summary>
    /// Read by the code but deliberately not deployed (local or test use only), each with its reason. None today:
    /// Feeds:Storage:TablePrefix and Feeds:Sources:Offline are deployed with their defaults so operators can see them.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> LocalOnly = new Dictionary<string, string>();

    private static IReadOnlyDictionary<string, string> CodeSettings() =>
        FeedsSettingsTable.All.ToDictionary(s => s.Key, s => s.Default, StringComparer.Ordinal);

    [Fact]
    public void Templates_set_exactly_the_settings_the_code_reads_with_its_defaults()
    {
        var problems = InfraSettingsParity.Problems(CodeSettings(), InfraDeployment.Default.AppSettings, Pending, LocalOnly);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void App_settings_file_is_the_one_place_for_the_feeds_defaults()
    {
        // Everything in infra/app-settings.json reaches the Function App unchanged (with the edge off; with it on, the
        // few settings that come from a resource the deployment creates take that resource's value).
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(InfraDeployment.InfraDirectory, "app-settings.json")))!.AsObject();
        Assert.NotEmpty(file);
        Assert.All(file, p => Assert.Equal((string)p.Value!, InfraDeployment.Small.AppSettings[p.Key]));
        Assert.All(file.Where(p => !InfraSettingsParity.FromDeployment.ContainsKey(InfraSettingsParity.ConfigurationKey(p.Key))),
            p => Assert.Equal((string)p.Value!, InfraDeployment.Default.AppSettings[p.Key]));
    }

    [Fact]
    public void The_check_fails_when_the_code_reads_a_setting_the_templates_do_not_set()
    {
        var code = new Dictionary<string, string>(CodeSettings()) { ["Feeds:Example:NotDeployed"] = "" };

        var problems = InfraSettingsParity.Problems(code, InfraDeployment.Default.AppSettings, Pending, LocalOnly);

        var problem = Assert.Single(problems);
        Assert.Contains("Feeds__Example__NotDeployed", problem);
    }

    [Fact]
    public void The_check_fails_when_the_templates_drop_a_setting()
    {
        var template = InfraDeployment.Default.AppSettings.Where(s => s.Key != "Feeds__Schedules__Catalog")
            .ToDictionary(s => s.Key, s => s.Value);

        var problems = InfraSettingsParity.Problems(CodeSettings(), template, Pending, LocalOnly);

        Assert.Contains(problems, p => p.Contains("Feeds:Schedules:Catalog", StringComparison.Ordinal));
    }

    [Fact]
    public void The_check_fails_when_the_templates_set_a_setting_the_code_does_not_read_or_a_different_default()
    {
        var template = new Dictionary<string, string>(InfraDeployment.Default.AppSettings)
        {
            ["Feeds__Schedules__Typo"] = "0 0 * * * *",
            ["Feeds__Schedules__Catalog"] = "0 0 * * * *",
        };
        template.Remove("FeedsStorage__credential");

        var problems = InfraSettingsParity.Problems(CodeSettings(), template, Pending, LocalOnly);

        Assert.Contains(problems, p => p.Contains("Feeds:Schedules:Typo", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Feeds:Schedules:Catalog: the templates set", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("FeedsStorage__credential", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pending_entry_fails_once_the_code_reads_it()
    {
        // A key the code already reads, left in the pending list by mistake.
        var pending = new Dictionary<string, string> { ["Feeds:Comtrade:SubscriptionKey"] = "waiting for the Comtrade feed" };

        var problems = InfraSettingsParity.Problems(CodeSettings(), InfraDeployment.Default.AppSettings, pending, LocalOnly);

        // The Key Vault reference stands for the empty default; only the stale pending entry is reported.
        var problem = Assert.Single(problems);
        Assert.Contains("remove its \"pending\" entry", problem);
    }

    [Fact]
    public void Every_feed_has_a_stale_alert_at_its_max_age()
    {
        var services = new ServiceCollection().AddLogging()
            .AddFeedsCore(new ConfigurationBuilder().Build())
            .BuildServiceProvider();
        var feeds = services.GetServices<IFeedRunner>().ToDictionary(f => f.Name, f => f.MaxAge.TotalHours);

        var alerts = JsonNode.Parse(File.ReadAllText(Path.Combine(InfraDeployment.InfraDirectory, "feed-alerts.json")))!.AsArray()
            .ToDictionary(a => (string)a!["feed"]!, a => (double)a!["staleAfterHours"]!);

        Assert.NotEmpty(feeds);
        var rules = InfraDeployment.Default.OfType("Microsoft.Insights/scheduledQueryRules").Select(r => (string)r["name"]!).ToList();
        // Every feed: the freshness check's rule. Feeds whose allowed age fits a log search window (48 h) also get a
        // rule of their own, which fires even when the app is down and logs nothing.
        Assert.Contains(rules, r => r.EndsWith("-feed-stale-freshness", StringComparison.Ordinal));
        foreach (var (feed, maxAgeHours) in feeds)
        {
            if (maxAgeHours <= 48)
            {
                Assert.True(alerts.TryGetValue(feed, out var hours) && hours == maxAgeHours,
                    $"infra/feed-alerts.json needs {{ \"feed\": \"{feed}\", \"staleAfterHours\": {maxAgeHours} }} (the feed's MaxAge).");
                Assert.Contains(rules, r => r.EndsWith($"-feed-stale-{feed}", StringComparison.Ordinal));
            }
            else
            {
                Assert.False(alerts.ContainsKey(feed), $"{feed} may be {maxAgeHours} h old: a log search cannot look back that far; the freshness rule covers it.");
            }
        }

        Assert.Empty(alerts.Keys.Except(feeds.Keys));
    }

    [Fact]
    public void Timer_functions_take_their_schedule_from_a_deployed_setting_and_are_named_for_the_failure_alert()
    {
        var timers = typeof(FeedTimerFunctions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Select(m => (Function: m.GetCustomAttribute<FunctionAttribute>(),
                Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<TimerTriggerAttribute>()).OfType<TimerTriggerAttribute>().FirstOrDefault()))
            .Where(t => t.Function is not null && t.Trigger is not null)
            .ToList();

        Assert.NotEmpty(timers);
        foreach (var (function, trigger) in timers)
        {
            // The failed-run alert maps a failed "<Feed>Timer" invocation to its feed.
            Assert.EndsWith("Timer", function!.Name);
            Assert.Matches("^%Feeds:Schedules:[A-Za-z]+%$", trigger!.Schedule);
            var setting = trigger.Schedule.Trim('%').Replace(":", "__", StringComparison.Ordinal);
            Assert.True(InfraDeployment.Default.AppSettings.ContainsKey(setting), $"{function.Name}'s schedule {setting} is not deployed.");
        }
    }
}
