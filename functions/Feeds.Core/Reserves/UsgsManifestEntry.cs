namespace Feeds.Core.Reserves;

/// <summary>A default source URL and the bundled file (path under data/usgs) the offline replay serves for it.</summary>
public sealed record UsgsManifestEntry(string Url, string File, string Kind);
