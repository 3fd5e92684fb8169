namespace Feeds.Core.Snapshots;

/// <summary>Partner snapshots; bound from <c>Feeds:Snapshots</c>.</summary>
public sealed class SnapshotOptions
{
    public const string Section = "Feeds:Snapshots";

    /// <summary>Blob container holding <c>{date}/{runId}/</c> folders and <c>latest.json</c>.</summary>
    public string Container { get; set; } = "snapshots";

    /// <summary>Complete run folders kept; older ones are pruned (never the one <c>latest.json</c> names).</summary>
    public int Keep { get; set; } = 30;
}
