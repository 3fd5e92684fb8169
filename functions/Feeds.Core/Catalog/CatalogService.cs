namespace Feeds.Core.Catalog;

/// <summary>
/// The one way to the catalog, for every feed, route and the policy register. <see cref="Current"/> is this
/// deployment's catalog (the data files, validated); <see cref="GetServedAsync"/> is what the API serves — the same
/// data, once the catalog feed has published it to the tables, so the API, the tables and the partner snapshots agree.
/// Both are cached for <see cref="TimeToLive"/> under the injected <see cref="TimeProvider"/>; a catalog run in this
/// host is seen at once (<see cref="Published"/>), one in another host within the time to live.
/// </summary>
public sealed class CatalogService(ICatalogFiles files, FeedCheckpointStore checkpoints, TimeProvider time)
{
    public static readonly TimeSpan TimeToLive = TimeSpan.FromMinutes(5);

    private readonly Lock _gate = new();
    private (CatalogData Data, DateTimeOffset LoadedAt)? _files;
    private (string Version, DateTimeOffset CheckedAt)? _published;

    /// <summary>
    /// The deployment's catalog. Re-read from the files after the time to live (a folder given as an override may be
    /// edited); an unchanged version keeps the same instance, and files that no longer validate keep the last valid one.
    /// </summary>
    public CatalogData Current
    {
        get
        {
            (CatalogData Data, DateTimeOffset LoadedAt)? cached;
            lock (_gate)
            {
                cached = _files;
            }

            if (cached is { } known && time.GetUtcNow() - known.LoadedAt < TimeToLive)
            {
                return known.Data;
            }

            try
            {
                return Reload();
            }
            catch (CatalogException) when (cached is not null)
            {
                // Files edited into an invalid state: keep serving the last valid catalog; the catalog feed's run reports the error.
                return cached.Value.Data;
            }
        }
    }

    /// <summary>
    /// Reads and validates the files now (the catalog feed does, each run) and makes them <see cref="Current"/>. A file
    /// that does not validate throws <see cref="CatalogException"/> and leaves <see cref="Current"/> as it was.
    /// </summary>
    public CatalogData Reload()
    {
        var loaded = CatalogLoader.Load(files);
        lock (_gate)
        {
            var data = _files is { } previous && previous.Data.Version == loaded.Version ? previous.Data : loaded;
            _files = (data, time.GetUtcNow());
            return data;
        }
    }

    /// <summary>
    /// The catalog the API serves: <see cref="Current"/> once a catalog run has stored it; a 503 problem
    /// (<c>catalog-not-loaded</c>) before the first run. A missing publication is never cached.
    /// </summary>
    public async Task<CatalogData> GetServedAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        (string Version, DateTimeOffset CheckedAt)? published;
        lock (_gate)
        {
            published = _published;
        }

        if (published is not { } known || now - known.CheckedAt >= TimeToLive)
        {
            var version = await PublishedVersionAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new ApiException(StatusCodes.Status503ServiceUnavailable, "catalog-not-loaded", "Catalog not loaded",
                    "The catalog feed has not stored the catalog yet; run it (ingest catalog) or wait for its timer.");
            lock (_gate)
            {
                _published = (version, now);
            }
        }

        return Current;
    }

    /// <summary>The catalog version the tables hold, read from the catalog feed's checkpoint (null before the first run).</summary>
    public async Task<string?> PublishedVersionAsync(CancellationToken cancellationToken)
    {
        var hash = await checkpoints.GetHashAsync(CatalogFeed.FeedName, CatalogFeed.Slice, cancellationToken).ConfigureAwait(false);
        return hash is null ? null : CatalogFeed.VersionOf(hash);
    }

    /// <summary>Called by the catalog feed once every row of <paramref name="version"/> is stored.</summary>
    public void Published(string version)
    {
        lock (_gate)
        {
            _published = (version, time.GetUtcNow());
        }
    }
}
