using Feeds.Core.Storage;

namespace Feeds.Core.Pipeline;

/// <summary>
/// <c>FeedRuns</c>: PartitionKey = feed, RowKey = inverted start ticks, so the latest run of a feed is the first
/// row of its partition.
/// </summary>
public sealed class FeedRunStore(FeedTables tables)
{
    private TableClient Table => tables.Get(FeedTables.FeedRuns);

    public Task SaveAsync(FeedRunRecord run, CancellationToken cancellationToken)
    {
        var outcome = run.Outcome;
        var entity = new TableEntity(TableKeys.Require(run.Feed, "a feed name"), TableKeys.InvertedTicks(run.StartedAt))
        {
            ["RunId"] = run.RunId,
            ["Trigger"] = run.Trigger,
            ["Status"] = run.Status.ToString(),
            ["StartedAt"] = run.StartedAt,
            ["FinishedAt"] = run.FinishedAt,
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
            ["FailedSlices"] = outcome is null ? null : TextLimits.Truncate(string.Join(";", outcome.FailedSlices)),
            ["Error"] = run.Error is null ? null : TextLimits.Truncate(run.Error),
            ["ErrorCategory"] = run.ErrorCategory,
        };
        return Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The latest runs of a feed, newest first (a single-partition range read).</summary>
    public async Task<IReadOnlyList<FeedRunRecord>> LatestAsync(string feed, int count, CancellationToken cancellationToken)
    {
        var result = new List<FeedRunRecord>(count);
        var query = Table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {feed}"), maxPerPage: count, cancellationToken: cancellationToken);
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

    private static FeedRunRecord ToRecord(TableEntity e)
    {
        FeedRunOutcome? outcome = e.GetInt64("RecordsRead") is { } read
            ? new FeedRunOutcome(
                new RecordCounts(read, e.GetInt64("RecordsStored") ?? 0, e.GetInt64("RecordsUnchanged") ?? 0,
                    e.GetInt64("RecordsSuperseded") ?? 0, e.GetInt64("RecordsQuarantined") ?? 0, e.GetInt64("RecordsOutOfScope") ?? 0),
                e.GetInt64("EntitiesWritten") ?? 0,
                e.GetInt64("EntitiesDeleted") ?? 0,
                e.GetInt32("SlicesStored") ?? 0,
                e.GetInt32("SlicesUnchanged") ?? 0,
                e.GetString("FailedSlices") is { Length: > 0 } failed ? failed.Split(';') : [])
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
        };
    }

}
