namespace Feeds.Core.Configuration;

/// <summary>A configuration key the code reads, its default, and what it is for.</summary>
public sealed record SettingDefinition(string Key, string Default, string Description);
