namespace Feeds.Core.Pipeline;

/// <summary>A queued run's slices: planned, ended without a failure (<see cref="Done"/>), ended with one (<see cref="Failed"/>).</summary>
public sealed record FeedRunProgress(int Planned, int Done, int Failed)
{
    /// <summary>Every slice has ended (derived: not part of the API's shape).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Ended => Done + Failed >= Planned;
}
