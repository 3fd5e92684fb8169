namespace Feeds.Core.Catalog;

/// <summary>
/// A short-lived in-memory copy of the stored catalog (three single-partition reads, refreshed after five minutes),
/// so data routes validate reporter, mineral and partner without extra storage calls per request. An empty catalog
/// is never cached, so the first requests after seeding see it at once.
/// </summary>
public sealed class CatalogLookup(CatalogStore store, TimeProvider time)
{
    public static readonly TimeSpan TimeToLive = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private CatalogSnapshot? _snapshot;

    public async Task<CatalogSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh(_snapshot) is { } current)
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh(_snapshot) is { } loaded)
            {
                return loaded;
            }

            var minerals = await store.ReadMineralsAsync(cancellationToken).ConfigureAwait(false);
            var countries = await store.ReadCountriesAsync(cancellationToken).ConfigureAwait(false);
            var areas = await store.ReadAreasAsync(cancellationToken).ConfigureAwait(false);
            var snapshot = new CatalogSnapshot(
                minerals.ToDictionary(m => m.Id, StringComparer.Ordinal),
                countries.ToDictionary(c => c.Iso3, StringComparer.Ordinal),
                areas,
                time.GetUtcNow());
            _snapshot = minerals.Count > 0 ? snapshot : null;
            return snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    private CatalogSnapshot? Fresh(CatalogSnapshot? snapshot) =>
        snapshot is not null && time.GetUtcNow() - snapshot.LoadedAt < TimeToLive ? snapshot : null;
}
