namespace Feeds.Core.Pipeline;

/// <summary>
/// <c>FeedRuns</c>: PartitionKey = feed, RowKey = inverted start ticks, so the latest run of a feed is the first
/// row of its partition. A queued run's slice rows and the feed's run lease share the partition (so a slice's end and
/// the run's counts change in one transaction) under RowKeys starting with <see cref="RunRowsEnd"/>, after every run.
/// </summary>
public sealed class FeedRunStore(FeedTables tables)
{
    /// <summary>Every run's RowKey (19 digits) sorts before this; the rows of the run machinery start with it.</summary>
    public const string RunRowsEnd = "~";

    private TableClient Table => tables.Get(FeedTables.FeedRuns);

    public static string RowKey(FeedRunRecord run) => TableKeys.InvertedTicks(run.StartedAt);

    public Task SaveAsync(FeedRunRecord run, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(ToEntity(run), TableUpdateMode.Replace, cancellationToken);

    public static TableEntity ToEntity(FeedRunRecord run)
    {
        var outcome = run.Outcome;
        return new TableEntity(TableKeys.Require(run.Feed, "a feed name"), RowKey(run))
        {
            ["RunId"] = run.RunId,
            ["Trigger"] = run.Trigger,
            ["Status"] = run.Status.ToString(),
            ["StartedAt"] = run.StartedAt,
            ["FinishedAt"] = run.FinishedAt,
            ["UpdatedAt"] = run.UpdatedAt,
            ["DurationMs"] = run.Duration is { } d ? (long)d.TotalMilliseconds : null,
            ["RecordsRead"] = outcome?.Records.Read,
            ["RecordsStored"] = outcome?.Records.Stored,
            ["RecordsUnchanged"] = outcome?.Records.Unchanged,
            ["RecordsSuperseded"] = outcome?.Records.Superseded,
            ["RecordsQuarantined"] = outcome?.Records.Quarantined,
            ["RecordsOutOfScope"] = outcome?.Records.OutOfScope,
            ["EntitiesWritten"] = outcome?.EntitiesWritten,
            ["EntitiesDeleted"] = outcome?.EntitiesDeleted,
            ["SlicesStored"] = outcome?.SlicesStored,
            ["SlicesUnchanged"] = outcome?.SlicesUnchanged,
            ["SlicesFailed"] = outcome?.FailedSlices.Count,
            ["FailedSlices"] = outcome is null ? null : FailedSlicesText(outcome.FailedSlices),
            ["QueuedPlanned"] = run.Slices?.Planned,
            ["QueuedDone"] = run.Slices?.Done,
            ["QueuedFailed"] = run.Slices?.Failed,
            ["Error"] = run.Error is null ? null : TextLimits.Truncate(run.Error),
            ["ErrorCategory"] = run.ErrorCategory,
        };
    }

    /// <summary>The latest runs of a feed, newest first (a single-partition range read).</summary>
    public async Task<IReadOnlyList<FeedRunRecord>> LatestAsync(string feed, int count, CancellationToken cancellationToken)
    {
        var result = new List<FeedRunRecord>(count);
        var query = Table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {feed} and RowKey lt {RunRowsEnd}"), maxPerPage: count, cancellationToken: cancellationToken);
        try
        {
            await foreach (var e in query.ConfigureAwait(false))
            {
                result.Add(ToRecord(e));
                if (result.Count == count)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (FeedTables.IsTableNotFound(ex))
        {
            // No feed has run yet in this account.
        }

        return result;
    }

    /// <summary>
    /// One run by its id: the id names the start time, so this reads the one millisecond of RowKeys it can be in
    /// (a single-partition range; runs recorded before ids were cut to the millisecond are found too).
    /// </summary>
    public async Task<FeedRunRecord?> GetAsync(string feed, string runId, CancellationToken cancellationToken)
    {
        if (FeedRunRecord.StartOf(runId) is not { } start)
        {
            return null;
        }

        var high = TableKeys.InvertedTicks(start);
        var low = TableKeys.InvertedTicks(start.AddMilliseconds(1));
        var query = Table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {feed} and RowKey gt {low} and RowKey le {high} and RunId eq {runId}"),
            cancellationToken: cancellationToken);
        try
        {
            await foreach (var e in query.ConfigureAwait(false))
            {
                return ToRecord(e);
            }
        }
        catch (Exception ex) when (FeedTables.IsTableNotFound(ex))
        {
            // No feed has run yet in this account.
        }

        return null;
    }

    /// <summary>
    /// The failed slices as a JSON array (reasons may hold any character), cut to what a property holds: the last
    /// item kept says how many more there were.
    /// </summary>
    public static string FailedSlicesText(IReadOnlyList<string> failed)
    {
        var kept = failed.Select(f => f.Length > 2000 ? f[..2000] + "…" : f).ToList();
        var text = JsonSerializer.Serialize(kept);
        while (text.Length > TextLimits.MaxText && kept.Count > 1)
        {
            kept.RemoveRange(kept.Count / 2, kept.Count - (kept.Count / 2));
            text = JsonSerializer.Serialize(kept.Append($"… and {failed.Count - kept.Count} more"));
        }

        return text;
    }

    /// <summary>Reads <see cref="FailedSlicesText"/>, and the <c>;</c>-separated text of runs recorded before it.</summary>
    public static IReadOnlyList<string> ReadFailedSlices(string? text) => text switch
    {
        null or "" => [],
        ['[', ..] => JsonSerializer.Deserialize<List<string>>(text) ?? [],
        _ => text.Split(';'),
    };

    public static FeedRunRecord ToRecord(TableEntity e)
    {
        FeedRunOutcome? outcome = e.GetInt64("RecordsRead") is { } read
            ? new FeedRunOutcome(
                new RecordCounts(read, e.GetInt64("RecordsStored") ?? 0, e.GetInt64("RecordsUnchanged") ?? 0,
                    e.GetInt64("RecordsSuperseded") ?? 0, e.GetInt64("RecordsQuarantined") ?? 0, e.GetInt64("RecordsOutOfScope") ?? 0),
                e.GetInt64("EntitiesWritten") ?? 0,
                e.GetInt64("EntitiesDeleted") ?? 0,
                e.GetInt32("SlicesStored") ?? 0,
                e.GetInt32("SlicesUnchanged") ?? 0,
                ReadFailedSlices(e.GetString("FailedSlices")))
            : null;
        return new FeedRunRecord(
            e.PartitionKey,
            e.GetString("RunId") ?? "",
            e.GetString("Trigger") ?? "",
            Enum.TryParse<FeedRunStatus>(e.GetString("Status"), out var status) ? status : FeedRunStatus.Failed,
            e.GetDateTimeOffset("StartedAt") ?? DateTimeOffset.MinValue,
            e.GetDateTimeOffset("FinishedAt"),
            outcome,
            e.GetString("Error"))
        {
            // Runs recorded before categories existed: a failure of unknown kind.
            ErrorCategory = e.GetString("ErrorCategory") ?? (e.GetString("Error") is null ? null : FeedErrors.Internal),
            Slices = e.GetInt32("QueuedPlanned") is { } planned
                ? new FeedRunProgress(planned, e.GetInt32("QueuedDone") ?? 0, e.GetInt32("QueuedFailed") ?? 0)
                : null,
            UpdatedAt = e.GetDateTimeOffset("UpdatedAt"),
        };
    }
}
