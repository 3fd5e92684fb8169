using Feeds.Core.Catalog;
using Feeds.Core.Http;

namespace Feeds.Core.Events;

/// <summary>
/// <c>GET /api/events[?mineral=]</c>: the policy events of the register, for chart markers. A mineral matches events on
/// it, on its group (dysprosium → ree) and, for a group, on its members. No storage is read.
/// </summary>
public sealed class EventsApi(PolicyRegister register, CatalogService catalog, ApiHandler handler)
{
    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        handler.RunAsync(request, ["mineral"], query =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var mineralId = query.Optional("mineral")?.ToLowerInvariant();
            if (mineralId is not null && catalog.Current.Mineral(mineralId) is null)
            {
                throw ApiException.BadParameter("mineral", $"'{mineralId}' is not a mineral of the catalog (GET /api/minerals).");
            }

            var items = mineralId is null ? register.All : register.For(mineralId);
            var envelope = new Dictionary<string, object?>
            {
                ["mineral"] = mineralId,
                ["isSample"] = false,
                ["source"] = "Reference data (data/events/events.json); each event cites its announcement. verified=false marks entries not yet checked against the official text.",
            };
            var csv = new CsvTable<PolicyEvent>(
                ["id", "date", "country", "minerals", "title", "kind", "summary", "source_url", "source_text", "verified"],
                e => [e.Id, e.Date, e.Country, CsvCells.List(e.Minerals), e.Title, e.Kind, e.Summary, e.SourceUrl, e.SourceText, CsvCells.Bool(e.Verified)]);
            return Task.FromResult<IResult>(ApiResponses.List(query, items, envelope, csv, CachePolicies.Reference, "events"));
        });
}
