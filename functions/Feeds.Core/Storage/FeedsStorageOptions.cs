namespace Feeds.Core.Storage;

/// <summary>Table naming; bound from <c>Feeds:Storage</c>.</summary>
public sealed class FeedsStorageOptions
{
    public const string Section = "Feeds:Storage";

    /// <summary>Prepended to every table name (letters and digits only).</summary>
    public string TablePrefix { get; set; } = "";
}
