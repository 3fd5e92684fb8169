namespace Feeds.Core.Snapshots;

/// <summary>
/// How long an export waits for feeds writing its tables. In code, not settings: they follow from the function
/// timeout (host.json, 30 minutes), and tests register shorter ones.
/// </summary>
public sealed class SnapshotTimings
{
    /// <summary>Longest wait for a running feed before the export gives up (the previous snapshot stays latest).</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromMinutes(10);

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A <c>Running</c> record older than this is a run the host killed (function timeout 30 min), not a writer.</summary>
    public TimeSpan DeadAfter { get; init; } = TimeSpan.FromMinutes(35);

    /// <summary>Reads of a dataset repeated when a feed run started while it was being read.</summary>
    public int MaxReadAttempts { get; init; } = 3;
}
