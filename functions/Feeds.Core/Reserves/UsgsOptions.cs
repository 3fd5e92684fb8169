using System.ComponentModel;

namespace Feeds.Core.Reserves;

/// <summary><c>Feeds:Usgs</c>: the data-release files the usgs feed reads.</summary>
public sealed class UsgsOptions
{
    public const string Section = "Feeds:Usgs";

    /// <summary>The key of <see cref="Urls"/>, for messages and the offline switch.</summary>
    public const string UrlsKey = Section + ":" + nameof(Urls);

    [Description("USGS MCS data-release files (CSV or ZIP), ';'-separated; unset means the URLs in data/usgs/manifest.json.")]
    public string? Urls { get; set; }

    public bool UrlsSet => !string.IsNullOrWhiteSpace(Urls);

    public IEnumerable<string> Problems() =>
        (Urls ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(url => !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            .Select(url => $"{Section}:Urls holds '{url}', which is not an absolute http(s) URL.");

    public IReadOnlyList<string> UrlList(UsgsManifest manifest) =>
        UrlsSet
            ? [.. Urls!.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)]
            : manifest.DefaultUrls;
}
