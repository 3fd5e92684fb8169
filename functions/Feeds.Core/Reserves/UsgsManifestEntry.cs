namespace Feeds.Core.Reserves;

/// <summary>
/// A default source URL, the bundled file (path under data/usgs) the offline replay serves for it, and the SHA-256 of
/// the file the URL serves (the mirror's bytes at the pinned commit): a download that hashes otherwise is refused.
/// </summary>
public sealed record UsgsManifestEntry(string Url, string File, string Kind, string Sha256);
