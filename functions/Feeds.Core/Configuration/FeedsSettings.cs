namespace Feeds.Core.Configuration;

/// <summary>
/// The storage connection setting, the one setting not bound to an options class (the storage client factory reads
/// it). Every other key, with its default and description, is derived from the options classes:
/// <see cref="FeedsSettingsTable"/>; code that names a key builds it from the class (<c>Section</c> and <c>nameof</c>).
/// </summary>
public static class FeedsSettings
{
    public const string StorageConnection = "FeedsStorage";

    public static SettingDefinition Connection { get; } = new(StorageConnection, "UseDevelopmentStorage=true",
        "Storage for the feed tables, run queue and snapshots: a connection string, or (in Azure) the identity-based keys " +
        "FeedsStorage__tableServiceUri, FeedsStorage__blobServiceUri, FeedsStorage__queueServiceUri, FeedsStorage__credential, FeedsStorage__clientId.");
}
