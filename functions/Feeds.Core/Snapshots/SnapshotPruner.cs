using Azure.Storage.Blobs.Models;

namespace Feeds.Core.Snapshots;

/// <summary>Keeps the snapshots container to the newest <c>Feeds:Snapshots:Keep</c> complete run folders.</summary>
public sealed class SnapshotPruner(SnapshotStore store, IOptions<SnapshotOptions> options)
{
    /// <summary>
    /// Deletes run folders beyond the <c>Keep</c> newest complete ones, never the folder <c>latest.json</c> names and
    /// never an incomplete folder newer than the newest complete one (an export still writing).
    /// </summary>
    public async Task<IReadOnlyList<string>> PruneAsync(CancellationToken cancellationToken)
    {
        var keep = Math.Max(1, options.Value.Keep);
        var latest = (await store.ReadLatestAsync(cancellationToken).ConfigureAwait(false))?.Pointer.Folder;
        var folders = await store.ListFoldersAsync(cancellationToken).ConfigureAwait(false);
        var newestComplete = folders.FirstOrDefault(f => f.Complete)?.Folder;
        var kept = folders.Where(f => f.Complete).Take(keep).Select(f => f.Folder).ToHashSet(StringComparer.Ordinal);
        var pruned = new List<string>();
        foreach (var folder in folders)
        {
            var inProgress = !folder.Complete && (newestComplete is null || string.CompareOrdinal(folder.Folder, newestComplete) > 0);
            if (kept.Contains(folder.Folder) || folder.Folder == latest || inProgress)
            {
                continue;
            }

            await foreach (var item in store.Container.GetBlobsAsync(BlobTraits.None, BlobStates.None, folder.Folder, cancellationToken).ConfigureAwait(false))
            {
                await store.Container.DeleteBlobIfExistsAsync(item.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            pruned.Add(folder.Folder);
        }

        return pruned;
    }
}
