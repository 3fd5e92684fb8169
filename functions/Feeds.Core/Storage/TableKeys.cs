namespace Feeds.Core.Storage;

/// <summary>The rules a PartitionKey or RowKey must keep on Azure and on Azurite (docs/architecture.md, Storage model).</summary>
public static class TableKeys
{
    /// <summary>Azure allows 1 KiB; Azurite rejects more than 512 characters, so keys stay within that.</summary>
    public const int MaxLength = 512;

    public static bool IsValid(string? key) =>
        !string.IsNullOrEmpty(key) && key.Length <= MaxLength && !key.Any(IsForbidden);

    public static string Require(string key, string what) =>
        IsValid(key) ? key : throw new ArgumentException($"'{key}' is not a valid table key for {what}.", nameof(key));

    private static bool IsForbidden(char c) =>
        c is '/' or '\\' or '#' or '?' || c <= '\u001F' || (c >= '\u007F' && c <= '\u009F');

    /// <summary>RowKey that sorts latest first.</summary>
    public static string InvertedTicks(DateTimeOffset time) =>
        (DateTime.MaxValue.Ticks - time.UtcTicks).ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
}
