namespace Feeds.Core.Reserves;

/// <summary>
/// <c>data/usgs/manifest.json</c>, embedded in Feeds.Core with the files it names: the default source URLs and the
/// bundled file replayed for each (data/usgs/README.md says what each is).
/// </summary>
public sealed class UsgsManifest
{
    public const string ResourcePrefix = "usgs/";

    private UsgsManifest(IReadOnlyList<UsgsManifestEntry> files) => Files = files;

    public IReadOnlyList<UsgsManifestEntry> Files { get; }

    /// <summary>The default <c>Feeds:Usgs:Urls</c>, in manifest order.</summary>
    public IReadOnlyList<string> DefaultUrls => [.. Files.Select(f => f.Url)];

    public static UsgsManifest Load()
    {
        using var document = JsonDocument.Parse(Read("manifest.json"));
        var files = document.RootElement.GetProperty("files").EnumerateArray()
            .Select(f => new UsgsManifestEntry(f.GetProperty("url").GetString()!, f.GetProperty("file").GetString()!, f.GetProperty("kind").GetString()!,
                f.GetProperty("sha256").GetString()!))
            .ToList();
        return new UsgsManifest(files);
    }

    /// <summary>The bytes of a bundled file (path under data/usgs, '/'-separated).</summary>
    public static byte[] Read(string file)
    {
        using var stream = typeof(UsgsManifest).Assembly.GetManifestResourceStream(ResourcePrefix + file)
            ?? throw new FileNotFoundException($"data/usgs/{file} is not embedded in Feeds.Core.", file);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    public UsgsManifestEntry? Find(Uri url) =>
        Files.FirstOrDefault(f => Uri.TryCreate(f.Url, UriKind.Absolute, out var u) && Uri.Compare(u, url, UriComponents.HttpRequestUrl, UriFormat.UriEscaped, StringComparison.Ordinal) == 0);
}
