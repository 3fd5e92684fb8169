using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Hybrid;

namespace Feeds.Core.Http;

/// <summary>
/// Each dataset's version (the id of the run that last changed it), stored as a row per dataset in
/// <c>FeedCheckpoints</c> (PartitionKey <c>data-versions</c>) so every instance can point-read it. Cached responses are
/// keyed by the versions they were rendered under and tagged with their datasets: a changed version makes old entries
/// unreachable at once and evicts them by tag. The host that changed the data publishes it (seen at once there);
/// others see it at their next check (<see cref="DataVersionCheck"/>, every <c>VersionCheckSeconds</c>).
/// </summary>
public sealed class DataVersions(FeedTables tables, HybridCache cache, ILogger<DataVersions> logger)
{
    public const string Partition = "data-versions";

    /// <summary>The tag of what is computed from run records (health): evicted whenever a run starts or ends here.</summary>
    public const string RunsTag = "runs";

    /// <summary>Before the first check: entries rendered now are keyed apart and evicted by the first check.</summary>
    private const string Unknown = "?";

    private readonly ConcurrentDictionary<string, string> _versions = new(StringComparer.Ordinal);

    public string? this[string dataset] => _versions.GetValueOrDefault(dataset);

    /// <summary>The versions of <paramref name="datasets"/> as one key part, such as <c>catalog=…;comtrade=…</c>.</summary>
    public string Stamp(IReadOnlyList<string> datasets)
    {
        var stamp = new StringBuilder();
        foreach (var dataset in datasets)
        {
            stamp.Append(dataset).Append('=').Append(_versions.GetValueOrDefault(dataset, Unknown)).Append(';');
        }

        return stamp.ToString();
    }

    /// <summary>Records that <paramref name="dataset"/> changed (after its rows are stored) and evicts what was rendered from it.</summary>
    public async Task PublishAsync(string dataset, string version, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(Partition, dataset) { ["Version"] = version };
        await tables.Get(FeedTables.FeedCheckpoints).UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        await ApplyAsync(dataset, version).ConfigureAwait(false);
    }

    /// <summary>A run started or finished in this host: what was computed from the run records is stale.</summary>
    public Task RunRecordedAsync() => cache.RemoveByTagAsync(RunsTag, CancellationToken.None).AsTask();

    /// <summary>Point-reads every dataset's version and evicts the entries of those that changed since the last check.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var table = tables.Get(FeedTables.FeedCheckpoints);
        foreach (var dataset in DataSets.All)
        {
            string version;
            try
            {
                var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, dataset, ["Version"], cancellationToken).ConfigureAwait(false);
                version = row.HasValue ? row.Value!.GetString("Version") ?? "" : "";
            }
            catch (Exception ex) when (FeedTables.IsTableNotFound(ex))
            {
                version = "";
            }

            await ApplyAsync(dataset, version).ConfigureAwait(false);
        }
    }

    private async Task ApplyAsync(string dataset, string version)
    {
        var previous = _versions.GetValueOrDefault(dataset);
        if (previous == version)
        {
            return;
        }

        _versions[dataset] = version;
        // Entries under the old version are unreachable already (the key holds it); this frees their memory.
        await cache.RemoveByTagAsync(dataset, CancellationToken.None).ConfigureAwait(false);
        if (previous is not null)
        {
            logger.LogInformation("Dataset {Dataset} changed: version {Previous} -> {Version}; its cached responses are evicted", dataset, previous, version);
        }
    }
}
