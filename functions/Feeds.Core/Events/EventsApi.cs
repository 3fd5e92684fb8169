using Feeds.Core.Http;
using Feeds.Core.Operations;
using Feeds.Core.Catalog;
using Feeds.Core.Trade;
using Feeds.Core.Analysis;
using Microsoft.AspNetCore.Http;

namespace Feeds.Core.Events;

/// <summary>
/// <c>GET /api/events[?mineral=]</c>: the policy events of data/events/events.json (embedded, validated once), for
/// chart markers. A mineral matches events on it, on its group (dysprosium → ree) and, for a group, on its members.
/// No storage is read.
/// </summary>
public sealed class EventsApi(ApiHandler handler)
{
    private static readonly Lazy<(IReadOnlyList<PolicyEvent> Events, CatalogData Catalog)> Data = new(() =>
        (PolicyEvents.LoadEmbedded(), CatalogLoader.Load(new EmbeddedCatalogFiles())));

    public static IReadOnlyList<PolicyEvent> All => Data.Value.Events;

    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        handler.RunAsync(request, () =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var query = new ApiQuery(request, "mineral");
            var mineralId = query.Optional("mineral")?.ToLowerInvariant();
            query.Format();
            query.Limit();
            var catalog = Data.Value.Catalog;
            if (mineralId is not null && catalog.Minerals.All(m => m.Id != mineralId))
            {
                throw ApiException.BadParameter("mineral", $"'{mineralId}' is not a mineral of the catalog (GET /api/minerals).");
            }

            var items = mineralId is null ? All : For(mineralId, catalog);
            var envelope = new Dictionary<string, object?>
            {
                ["mineral"] = mineralId,
                ["isSample"] = false,
                ["source"] = "Reference data (data/events/events.json); each event cites its announcement. verified=false marks entries not yet checked against the official text.",
            };
            var csv = new CsvTable<PolicyEvent>(
                ["id", "date", "country", "minerals", "title", "kind", "summary", "source_url", "source_text", "verified"],
                e => [e.Id, e.Date, e.Country, string.Join(';', e.Minerals), e.Title, e.Kind, e.Summary, e.SourceUrl, e.SourceText, e.Verified ? "true" : "false"]);
            return Task.FromResult<IResult>(ApiResponses.List(query, items, envelope, csv, CachePolicies.Reference, "events"));
        });

    /// <summary>Events on the mineral, its group, or (for a group) its members.</summary>
    public static IReadOnlyList<PolicyEvent> For(string mineralId, CatalogData catalog)
    {
        var mineral = catalog.Minerals.FirstOrDefault(m => m.Id == mineralId);
        var related = new HashSet<string>(StringComparer.Ordinal) { mineralId };
        if (mineral?.Group is { } group)
        {
            related.Add(group);
        }

        foreach (var member in mineral?.Members ?? [])
        {
            related.Add(member);
        }

        return [.. All.Where(e => e.Minerals.Any(related.Contains))];
    }

    public static CatalogData Catalog => Data.Value.Catalog;
}
