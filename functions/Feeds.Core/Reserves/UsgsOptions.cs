namespace Feeds.Core.Reserves;

/// <summary><c>Feeds:Usgs</c>: the data-release files the usgs feed reads.</summary>
public sealed class UsgsOptions
{
    public const string Section = "Feeds:Usgs";

    /// <summary><c>;</c>-separated CSV or ZIP URLs; unset means the manifest's default URLs.</summary>
    public string? Urls { get; set; }

    public bool UrlsSet => !string.IsNullOrWhiteSpace(Urls);

    public IReadOnlyList<string> UrlList(UsgsManifest manifest) =>
        UrlsSet
            ? [.. Urls!.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)]
            : manifest.DefaultUrls;
}
