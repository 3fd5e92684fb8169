using Feeds.Core.Http;
using Feeds.Core.Pipeline;

namespace Feeds.Core.Operations;

/// <summary>
/// Operator views: <c>GET /api/feeds</c> (each feed's freshness and last runs with their outcome counts; failures by
/// category only, since it is anonymous) and
/// <c>GET /api/feeds/{feed}/quarantine</c> (the records a run rejected, with the reason; behind a function key in
/// Azure because raw source records are not for the public; it also shows the run's error message and failure
/// reasons, <c>?runId=</c> picking any recent run). Both read one partition per feed.
/// </summary>
public sealed class FeedRunsApi(FeedFreshness freshness, FeedRunStore runs, QuarantineStore quarantine, IEnumerable<IFeedRunner> feeds, ApiHandler handler)
{
    private const int MaxRuns = 50;

    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        handler.RunAsync(request, ["runs"], async query =>
        {
            var count = query.Count("runs", 5, MaxRuns);
            var items = new List<FeedSummary>();
            foreach (var feed in await freshness.CheckAsync(cancellationToken).ConfigureAwait(false))
            {
                var latest = await runs.LatestAsync(feed.Feed, count, cancellationToken).ConfigureAwait(false);
                items.Add(new FeedSummary(feed.Feed, feed.Stale ? "stale" : "fresh", feed.LastSuccess, feed.MaxAge.TotalHours, [.. latest.Select(r => FeedRunView.From(r, details: false))]));
            }

            var csv = new CsvTable<FeedSummary>(
                ["feed", "freshness", "last_success", "max_age_hours", "last_run", "last_status", "last_read", "last_stored", "last_unchanged", "last_superseded", "last_quarantined", "last_out_of_scope", "last_failed_slices"],
                f =>
                {
                    var last = f.Runs is [var newest, ..] ? newest : null;
                    return [f.Feed, f.Freshness, CsvCells.Time(f.LastSuccess), CsvCells.Number(f.MaxAgeHours), last?.RunId, last?.Status,
                        CsvCells.Number(last?.Records?.Read), CsvCells.Number(last?.Records?.Stored), CsvCells.Number(last?.Records?.Unchanged),
                        CsvCells.Number(last?.Records?.Superseded), CsvCells.Number(last?.Records?.Quarantined), CsvCells.Number(last?.Records?.OutOfScope), CsvCells.Number(last?.SlicesFailed)];
                });
            return ApiResponses.List(query, items, new Dictionary<string, object?> { ["isSample"] = false }, csv, CachePolicies.None, "feeds");
        });

    public Task<IResult> QuarantineAsync(HttpRequest request, string feed, CancellationToken cancellationToken) =>
        handler.RunAsync(request, ["runId"], async query =>
        {
            var name = feed.Trim().ToLowerInvariant();
            if (feeds.All(f => f.Name != name))
            {
                throw ApiException.NotFound("feed", $"No feed '{feed}'; feeds: {string.Join(", ", feeds.Select(f => f.Name).Order())}.");
            }

            var runId = query.Optional("runId");
            if (runId is not null && !Identifiers.RunId().IsMatch(runId))
            {
                throw ApiException.BadParameter("runId", $"'runId' must look like 20261126T010000123Z-0a1b2c; got '{runId}'.");
            }

            var recent = await runs.LatestAsync(name, MaxRuns, cancellationToken).ConfigureAwait(false);
            // Default: the latest run that rejected anything (the question an operator asks), else the latest run.
            var run = runId is not null
                ? recent.FirstOrDefault(r => r.RunId == runId) ?? throw ApiException.NotFound("run", $"No run '{runId}' among the last {MaxRuns} runs of {name}.")
                : recent.FirstOrDefault(r => r.Outcome?.Records.Quarantined > 0) ?? (recent is [var latest, ..] ? latest : null);
            var records = run is null ? [] : await quarantine.ReadAsync(name, run.RunId, query.Limit, cancellationToken).ConfigureAwait(false);

            var envelope = new Dictionary<string, object?>
            {
                ["feed"] = name,
                ["run"] = run is null ? null : FeedRunView.From(run, details: true),
            };
            var csv = new CsvTable<QuarantinedRecord>(["source", "location", "reason", "raw"], r => [r.Source, r.Location, r.Reason, r.Raw]);
            return ApiResponses.List(query, records, envelope, csv, CachePolicies.None, $"quarantine-{name}");
        });
}
