using System.Text.RegularExpressions;
using Feeds.Core;
using Feeds.Local;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Feeds.Tests.Unit;

/// <summary>docs/configuration.md lists exactly the settings the code reads, with the same defaults.</summary>
public sealed partial class SettingsParityTests
{
    public static IReadOnlyDictionary<string, string> DocumentedSettings()
    {
        var path = Path.Combine(RepositoryRoot.Find(), "docs", "configuration.md");
        return File.ReadLines(path)
            .Select(line => Row().Match(line))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups["key"].Value, m => m.Groups["none"].Success ? "" : m.Groups["default"].Value);
    }

    [Fact]
    public void Documented_settings_equal_the_settings_the_code_reads()
    {
        var documented = DocumentedSettings();
        var code = FeedsSettingsTable.All.ToDictionary(s => s.Key, s => s.Default);

        Assert.True(documented.Keys.ToHashSet().SetEquals(code.Keys),
            $"Only documented: {string.Join(", ", documented.Keys.Except(code.Keys))}; only in code: {string.Join(", ", code.Keys.Except(documented.Keys))}");
        foreach (var (key, value) in code)
        {
            Assert.True(documented[key] == value, $"{key}: documented default '{documented[key]}', code default '{value}'");
        }
    }

    [Fact]
    public void Schedule_in_local_settings_matches_the_default()
    {
        var path = Path.Combine(RepositoryRoot.Find(), "functions", "Feeds.Functions", "local.settings.sample.json");
        var values = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("Values");
        var schedule = FeedsSettingsTable.All.Single(s => s.Key == SettingKeys.CatalogSchedule).Default;
        Assert.Equal(schedule, values.GetProperty(SettingKeys.CatalogSchedule).GetString());
    }

    [Fact]
    public void Every_setting_reaches_its_options_property_through_the_binding_the_hosts_use()
    {
        // A value unlike every default, per property type; if a key and a property name drift apart, it is not bound.
        var settings = new Dictionary<string, string?>();
        foreach (var (type, section) in FeedsSettingsTable.OptionsTypes)
        {
            foreach (var property in FeedsSettingsTable.Bindable(type))
            {
                settings[$"{section}:{property.Name}"] = Distinct(property.PropertyType, property.Name);
            }
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddLogging().AddFeedsCore(configuration).BuildServiceProvider();
        foreach (var (type, section) in FeedsSettingsTable.OptionsTypes)
        {
            var optionsType = typeof(IOptions<>).MakeGenericType(type);
            var bound = optionsType.GetProperty(nameof(IOptions<object>.Value))!.GetValue(services.GetRequiredService(optionsType));
            foreach (var property in FeedsSettingsTable.Bindable(type))
            {
                Assert.Equal(settings[$"{section}:{property.Name}"], FeedsSettingsTable.Format(property.GetValue(bound)));
            }
        }
    }

    [Fact]
    public void Invalid_settings_stop_the_host_on_start_naming_each_one()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Feeds:Comtrade:Reporters"] = "IND;U5A",
            ["Feeds:Snapshots:Keep"] = "0",
            ["Feeds:Schedules:Usgs"] = "daily",
            ["Feeds:Api:Cache:SizeLimitMB"] = "0",
        });
        builder.Services.AddFeedsCore(builder.Configuration);
        using var host = builder.Build();

        // Each options class fails on its own; the host reports them together.
        var error = Assert.ThrowsAny<Exception>(() => host.StartAsync().GetAwaiter().GetResult());
        var failures = error is AggregateException many ? many.InnerExceptions : [error];

        Assert.All(failures, f => Assert.IsType<OptionsValidationException>(f));
        var all = string.Join("\n", failures.SelectMany(f => ((OptionsValidationException)f).Failures));
        Assert.Contains("Feeds:Comtrade:Reporters holds 'U5A'", all, StringComparison.Ordinal);
        Assert.Contains("Feeds:Snapshots:Keep must be at least 1", all, StringComparison.Ordinal);
        Assert.Contains("Feeds:Schedules:Usgs 'daily'", all, StringComparison.Ordinal);
        Assert.Contains("Feeds:Api:Cache:SizeLimitMB must be from 1 to 4096", all, StringComparison.Ordinal);
    }

    /// <summary>A valid value unlike the default, by the property's type and name.</summary>
    private static string Distinct(Type type, string name)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(bool))
        {
            return "true";
        }

        if (t == typeof(int))
        {
            return name switch { "FromYear" => "2011", "ToYear" => "2012", _ => "7" };
        }

        if (t == typeof(double))
        {
            return "2.5";
        }

        if (t == typeof(TimeSpan))
        {
            return "00:07:00";
        }

        return name switch
        {
            "BaseUrl" => "https://mirror.example",
            "Urls" => "https://mirror.example/a.csv",
            "Reporters" => "CHN",
            "MirrorOf" => "BRA",
            "Frequencies" => "M",
            "Container" => "partner-files",
            "TablePrefix" => "abc1",
            "SubscriptionKey" => "key-1",
            "KeyHosts" => "mirror.example",
            "FrontDoorId" => "7c9f3a52-1b2d-4e5f-8a9b-0c1d2e3f4a5b",
            "QueueName" => "slices-7",
            _ => "0 1 2 * * *", // the schedules
        };
    }

    /// <summary>A table row: | `Key` | `default` or (none) | description |</summary>
    [GeneratedRegex(@"^\|\s*`(?<key>[A-Za-z][A-Za-z0-9:_]*)`\s*\|\s*(?:`(?<default>[^`]*)`|(?<none>\(none\)))\s*\|")]
    private static partial Regex Row();
}
