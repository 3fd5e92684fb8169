using System.Text.RegularExpressions;
using Feeds.Core.Configuration;
using Feeds.Local;

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
        var code = FeedsSettings.All.ToDictionary(s => s.Key, s => s.Default);

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
        var path = Path.Combine(RepositoryRoot.Find(), "functions", "Feeds.Functions", "local.settings.json");
        var values = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("Values");
        var schedule = FeedsSettings.All.Single(s => s.Key == FeedsSettings.CatalogSchedule).Default;
        Assert.Equal(schedule, values.GetProperty(FeedsSettings.CatalogSchedule).GetString());
    }

    /// <summary>A table row: | `Key` | `default` or (none) | description |</summary>
    [GeneratedRegex(@"^\|\s*`(?<key>[A-Za-z][A-Za-z0-9:_]*)`\s*\|\s*(?:`(?<default>[^`]*)`|(?<none>\(none\)))\s*\|")]
    private static partial Regex Row();
}
