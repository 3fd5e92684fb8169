namespace Feeds.Core.Operations;

/// <summary>
/// A feed run as the operator routes show it; a queued run also has its slices planned, done and failed. The anonymous
/// <c>GET /api/feeds</c> shows the public view: the error's category and the failed slices' keys, without messages
/// (they name upstream URLs, quota state and settings); the keyed routes (quarantine, a run's status) show it whole.
/// </summary>
public sealed record FeedRunView(
    string RunId,
    string Trigger,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    double? DurationSeconds,
    RecordCounts? Records,
    long? EntitiesWritten,
    long? EntitiesDeleted,
    int? SlicesStored,
    int? SlicesUnchanged,
    int? SlicesFailed,
    IReadOnlyList<string> FailedSlices,
    string? ErrorCategory,
    string? Error,
    FeedRunProgress? Slices,
    DateTimeOffset? UpdatedAt)
{
    /// <summary>At most this many failed slices are listed; <see cref="SlicesFailed"/> has the count.</summary>
    public const int MaxFailedSlicesShown = 20;

    /// <summary>The run; with <paramref name="details"/> false, without error messages and failure reasons.</summary>
    public static FeedRunView From(FeedRunRecord run, bool details) => new(
        run.RunId,
        run.Trigger,
        run.Status.ToString(),
        run.StartedAt,
        run.FinishedAt,
        run.Duration?.TotalSeconds,
        run.Outcome?.Records,
        run.Outcome?.EntitiesWritten,
        run.Outcome?.EntitiesDeleted,
        run.Outcome?.SlicesStored,
        run.Outcome?.SlicesUnchanged,
        run.Outcome?.FailedSlices.Count,
        [.. (run.Outcome?.FailedSlices ?? []).Take(MaxFailedSlicesShown).Select(f => details ? f : FeedErrors.SliceKey(f))],
        run.ErrorCategory,
        details ? run.Error : null,
        run.Slices,
        run.UpdatedAt);
}
