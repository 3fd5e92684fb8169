namespace Feeds.Core.Snapshots;

/// <summary>
/// <c>GET /api/snapshots</c> (run folders), <c>/api/snapshots/latest</c> (the latest manifest, as stored) and
/// <c>/api/snapshots/latest/links</c> (read-only links expiring within the hour; behind a function key in Azure).
/// </summary>
public sealed class SnapshotsApi(SnapshotStore store, SnapshotSigner signer, ApiHandler handler)
{
    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        handler.RunAsync(request, [], async _ =>
        {
            var latest = (await store.ReadLatestAsync(cancellationToken).ConfigureAwait(false))?.Pointer;
            var folders = await store.ListFoldersAsync(cancellationToken).ConfigureAwait(false);
            var items = folders.Select(f => new
            {
                f.Date, f.RunId, f.Folder, f.Complete, f.CompletedAt,
                Manifest = f.Complete ? f.Folder + SnapshotStore.ManifestName : null,
                Latest = f.Folder == latest?.Folder,
            }).ToList();
            return ApiResponses.Json(new Dictionary<string, object?>
            {
                ["latest"] = latest?.Folder,
                ["count"] = items.Count,
                ["items"] = items,
            }, CachePolicies.None);
        });

    public Task<IResult> LatestAsync(HttpRequest request, CancellationToken cancellationToken) =>
        handler.RunAsync(request, [], async _ =>
        {
            var (_, bytes) = await LatestManifestAsync(cancellationToken).ConfigureAwait(false);
            return new ApiResult(StatusCodes.Status200OK, ApiResponses.JsonContentType, bytes.ToMemory())
            {
                ETag = ApiResponses.ETagOf(bytes.ToMemory().Span),
                CacheControl = "public, max-age=60",
            };
        });

    public Task<IResult> LinksAsync(HttpRequest request, CancellationToken cancellationToken) =>
        handler.RunAsync(request, [], async _ =>
        {
            var (path, bytes) = await LatestManifestAsync(cancellationToken).ConfigureAwait(false);
            var links = await signer.LinksAsync(path, SnapshotStore.ParseManifest(bytes), cancellationToken).ConfigureAwait(false);
            // Signed links are credentials for an hour: never cached.
            return ApiResponses.Json(links, CachePolicies.None);
        });

    private async Task<(string Path, BinaryData Bytes)> LatestManifestAsync(CancellationToken cancellationToken)
    {
        var latest = await store.ReadLatestAsync(cancellationToken).ConfigureAwait(false)
            ?? throw ApiException.NotFound("snapshot", "No snapshot has been published yet; the nightly export (or the local host's snapshot verb) makes one.");
        var bytes = await store.ReadManifestBytesAsync(latest.Pointer.Manifest, cancellationToken).ConfigureAwait(false)
            ?? throw ApiException.NotFound("snapshot", $"latest.json names {latest.Pointer.Manifest}, which does not exist.");
        return (latest.Pointer.Manifest, bytes);
    }
}
