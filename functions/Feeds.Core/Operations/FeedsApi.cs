using System.Text.RegularExpressions;
using Feeds.Core.Pipeline;
using Microsoft.AspNetCore.Http;
using Feeds.Core.Http;

namespace Feeds.Core.Operations;

/// <summary>
/// Operator views: <c>GET /api/feeds</c> (each feed's freshness and last runs with their outcome counts) and
/// <c>GET /api/feeds/{feed}/quarantine</c> (the records a run rejected, with the reason; behind a function key in
/// Azure because raw source records are not for the public). Both read one partition per feed.
/// </summary>
public sealed partial class FeedsApi(FeedFreshness freshness, FeedRunStore runs, QuarantineStore quarantine, IEnumerable<IFeedRunner> feeds, ApiHandler handler)
{
    private const int MaxRuns = 50;

    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        handler.RunAsync(request, async () =>
        {
            var query = new ApiQuery(request, "runs");
            var count = Count(query, "runs", 5, MaxRuns);
            query.Format();
            var items = new List<FeedSummary>();
            foreach (var feed in await freshness.CheckAsync(cancellationToken).ConfigureAwait(false))
            {
                var latest = await runs.LatestAsync(feed.Feed, count, cancellationToken).ConfigureAwait(false);
                items.Add(new FeedSummary(feed.Feed, feed.Stale ? "stale" : "fresh", feed.LastSuccess, feed.MaxAge.TotalHours, [.. latest.Select(FeedRunView.From)]));
            }

            var csv = new CsvTable<FeedSummary>(
                ["feed", "freshness", "last_success", "max_age_hours", "last_run", "last_status", "last_read", "last_stored", "last_unchanged", "last_superseded", "last_quarantined", "last_failed_slices"],
                f =>
                {
                    var last = f.Runs.FirstOrDefault();
                    return [f.Feed, f.Freshness, f.LastSuccess?.ToString("O"), Invariant(f.MaxAgeHours), last?.RunId, last?.Status,
                        Invariant(last?.Records?.Read), Invariant(last?.Records?.Stored), Invariant(last?.Records?.Unchanged),
                        Invariant(last?.Records?.Superseded), Invariant(last?.Records?.Quarantined), Invariant(last?.SlicesFailed)];
                });
            return ApiResponses.List(query, items, new Dictionary<string, object?> { ["isSample"] = false }, csv, CachePolicies.None, "feeds");
        });

    public Task<IResult> QuarantineAsync(HttpRequest request, string feed, CancellationToken cancellationToken) =>
        handler.RunAsync(request, async () =>
        {
            var query = new ApiQuery(request, "runId");
            var name = feed.Trim().ToLowerInvariant();
            if (feeds.All(f => f.Name != name))
            {
                throw ApiException.NotFound("feed", $"No feed '{feed}'; feeds: {string.Join(", ", feeds.Select(f => f.Name).Order())}.");
            }

            var runId = query.Optional("runId");
            if (runId is not null && !RunId().IsMatch(runId))
            {
                throw ApiException.BadParameter("runId", $"'runId' must look like 20261126T010000123Z-0a1b2c; got '{runId}'.");
            }

            query.Format();
            var limit = query.Limit();
            var recent = await runs.LatestAsync(name, MaxRuns, cancellationToken).ConfigureAwait(false);
            // Default: the latest run that rejected anything (the question an operator asks), else the latest run.
            var run = runId is not null
                ? recent.FirstOrDefault(r => r.RunId == runId) ?? throw ApiException.NotFound("run", $"No run '{runId}' among the last {MaxRuns} runs of {name}.")
                : recent.FirstOrDefault(r => r.Outcome?.Records.Quarantined > 0) ?? recent.FirstOrDefault();
            var records = run is null ? [] : await quarantine.ReadAsync(name, run.RunId, limit, cancellationToken).ConfigureAwait(false);

            var envelope = new Dictionary<string, object?>
            {
                ["feed"] = name,
                ["run"] = run is null ? null : FeedRunView.From(run),
            };
            var csv = new CsvTable<QuarantinedRecord>(["source", "location", "reason", "raw"], r => [r.Source, r.Location, r.Reason, r.Raw]);
            return ApiResponses.List(query, records, envelope, csv, CachePolicies.None, $"quarantine-{name}");
        });

    private static int Count(ApiQuery query, string name, int fallback, int max)
    {
        var text = query.Optional(name);
        return text is null ? fallback
            : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 && n <= max
                ? n
                : throw ApiException.BadParameter(name, $"'{name}' must be a whole number from 1 to {max}; got '{text}'.");
    }

    private static string? Invariant(double? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("^[0-9]{8}T[0-9]{9}Z-[0-9a-f]{6}$")]
    private static partial Regex RunId();
}
