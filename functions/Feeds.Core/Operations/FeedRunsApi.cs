namespace Feeds.Core.Operations;

/// <summary>
/// Operator views: <c>GET /api/feeds</c> (each feed's freshness and last runs with their outcome counts; failures by
/// category only, since it is anonymous), <c>GET /api/feeds/{feed}/quarantine</c> (the records a run rejected, with
/// the reason, and the run whole: its error message and failure reasons, <c>?runId=</c> picking any recent run), and
/// the runs themselves: <c>POST /api/feeds/{feed}/runs</c> starts one (202 and its Location; 409 with the running
/// run's Location while one runs) and <c>GET /api/feeds/{feed}/runs/{runId}</c> reports it. All but the list are
/// behind a function key in Azure: raw source records and error messages are not for the public, and a run costs
/// source calls. Each reads one partition per feed.
/// </summary>
public sealed class FeedRunsApi(
    FeedFreshness freshness, FeedRunStore runs, QuarantineStore quarantine, FeedRunStarter starter, IEnumerable<IFeedRunner> feeds, ApiHandler handler)
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

    /// <summary><c>POST /api/feeds/{feed}/runs</c>: plans the run and queues its slices; 202 with the run's Location.</summary>
    public Task<IResult> StartAsync(HttpRequest request, string feed, CancellationToken cancellationToken) =>
        handler.RunActionAsync(request, [], async _ =>
        {
            var runner = Feed(feed);
            var body = await FeedRunBody.ReadAsync(request, cancellationToken).ConfigureAwait(false);
            if (runner.Check(body).FirstOrDefault() is { Field: not null } problem)
            {
                throw ApiException.BadField(problem.Field, problem.Problem);
            }

            FeedRunRecord run;
            try
            {
                run = await starter.StartAsync(runner.Name, "operator", body, cancellationToken).ConfigureAwait(false);
            }
            catch (FeedRunConflictException conflict)
            {
                return ApiResponses.Problem(request, StatusCodes.Status409Conflict, "run-in-progress", "A run of this feed is running",
                    $"Run {conflict.Running.RunId} of {runner.Name} started {conflict.Running.StartedAt:O} and is still running; its Location reports it. One run per feed at a time.")
                    with { Location = RunLocation(request, conflict.Running) };
            }

            return ApiResponses.Json(FeedRunView.From(run, details: true), CachePolicies.None, StatusCodes.Status202Accepted, validator: false) with { Location = RunLocation(request, run) };
        });

    /// <summary><c>GET /api/feeds/{feed}/runs/{runId}</c>: status, slices planned/done/failed, counts, errors (a point range of one partition).</summary>
    public Task<IResult> GetRunAsync(HttpRequest request, string feed, string runId, CancellationToken cancellationToken) =>
        handler.RunAsync(request, [], async query =>
        {
            var runner = Feed(feed);
            if (!Identifiers.RunId().IsMatch(runId))
            {
                throw ApiException.BadParameter("runId", $"'runId' must look like 20261126T010000123Z-0a1b2c; got '{(runId.Length > 40 ? runId[..40] : runId)}'.");
            }

            var run = await runs.GetAsync(runner.Name, runId, cancellationToken).ConfigureAwait(false)
                ?? throw ApiException.NotFound("run", $"No run '{runId}' of {runner.Name}.");
            var view = FeedRunView.From(run, details: true);
            if (query.Format == ResponseFormat.Csv)
            {
                return ApiResponses.CsvRecord(
                    ["run_id", "status", "slices_planned", "slices_done", "slices_failed", "read", "stored", "unchanged", "superseded", "quarantined", "out_of_scope", "failed_slices", "error"],
                    [view.RunId, view.Status, CsvCells.Number(view.Slices?.Planned), CsvCells.Number(view.Slices?.Done), CsvCells.Number(view.Slices?.Failed),
                        CsvCells.Number(view.Records?.Read), CsvCells.Number(view.Records?.Stored), CsvCells.Number(view.Records?.Unchanged),
                        CsvCells.Number(view.Records?.Superseded), CsvCells.Number(view.Records?.Quarantined), CsvCells.Number(view.Records?.OutOfScope),
                        string.Join("; ", view.FailedSlices), view.Error],
                    CachePolicies.None);
            }

            return ApiResponses.Json(view, CachePolicies.None, validator: false);
        });

    public Task<IResult> QuarantineAsync(HttpRequest request, string feed, CancellationToken cancellationToken) =>
        handler.RunAsync(request, ["runId"], async query =>
        {
            var name = Feed(feed).Name;

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

    private IFeedRunner Feed(string feed)
    {
        var name = feed.Trim().ToLowerInvariant();
        return feeds.FirstOrDefault(f => f.Name == name)
            ?? throw ApiException.NotFound("feed", $"No feed '{(feed.Length > 40 ? feed[..40] : feed)}'; feeds: {string.Join(", ", feeds.Select(f => f.Name).Order())}.");
    }

    private static string RunLocation(HttpRequest request, FeedRunRecord run) =>
        $"{request.PathBase}/{ApiRoutes.Prefix}/feeds/{Uri.EscapeDataString(run.Feed)}/runs/{Uri.EscapeDataString(run.RunId)}";
}
