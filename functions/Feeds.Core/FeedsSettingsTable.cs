using System.ComponentModel;
using System.Reflection;
using Feeds.Core.Reserves;
using Feeds.Core.Snapshots;
using Feeds.Core.Trade;

namespace Feeds.Core;

/// <summary>
/// Every setting, derived from the options classes the code binds: key = section + property name, default = the
/// property's value on a new instance, description = its <see cref="DescriptionAttribute"/>. docs/configuration.md and
/// the Bicep templates are tested against this table, so a setting cannot be added, renamed or re-defaulted in one
/// place only.
/// </summary>
public static class FeedsSettingsTable
{
    /// <summary>Each options class and the section it binds.</summary>
    public static IReadOnlyList<(Type Options, string Section)> OptionsTypes { get; } =
    [
        (typeof(FeedsStorageOptions), FeedsStorageOptions.Section),
        (typeof(ScheduleOptions), ScheduleOptions.Section),
        (typeof(SourceOptions), SourceOptions.Section),
        (typeof(FeedRunOptions), FeedRunOptions.Section),
        (typeof(ComtradeOptions), ComtradeOptions.Section),
        (typeof(UsgsOptions), UsgsOptions.Section),
        (typeof(SnapshotOptions), SnapshotOptions.Section),
        (typeof(ResponseCacheOptions), ResponseCacheOptions.Section),
        (typeof(RateLimitOptions), RateLimitOptions.Section),
    ];

    public static IReadOnlyList<SettingDefinition> All { get; } = Build();

    /// <summary>The bindable properties of an options class: public, with a public setter.</summary>
    public static IEnumerable<PropertyInfo> Bindable(Type options) =>
        options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true });

    /// <summary>A value as a configuration string: invariant, booleans lower-case, none as empty (as CSV cells are).</summary>
    public static string Format(object? value) => CsvCells.Invariant(value);

    private static List<SettingDefinition> Build()
    {
        var settings = new List<SettingDefinition> { FeedsSettings.Connection };
        foreach (var (type, section) in OptionsTypes)
        {
            var defaults = Activator.CreateInstance(type);
            foreach (var property in Bindable(type))
            {
                var description = property.GetCustomAttribute<DescriptionAttribute>()?.Description
                    ?? throw new InvalidOperationException($"{type.Name}.{property.Name} needs a [Description]: every setting is documented.");
                settings.Add(new SettingDefinition($"{section}:{property.Name}", Format(property.GetValue(defaults)), description));
            }
        }

        return settings;
    }
}
