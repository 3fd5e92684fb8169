using Feeds.Core.Catalog;

namespace Feeds.Core.Events;

/// <summary>
/// <c>GET /api/events[?mineral=][&amp;country=][&amp;activeOn=yyyy-MM-dd][&amp;hs=]</c>: the policy register. A mineral
/// matches events on it, on its group (dysprosium → ree) and, for a group, on its members; <c>activeOn</c> keeps events
/// in force (wholly or in part) on that day; <c>hs</c> keeps events naming that HS 6-digit code. Each item's status is
/// for <c>activeOn</c>, or today. No storage is read.
/// </summary>
public sealed class EventsApi(PolicyRegister register, CatalogService catalog, TimeProvider time, ApiHandler handler)
{
    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        handler.RunAsync(request, ["mineral", "country", "activeOn", "hs"], query =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var data = catalog.Current;
            var mineralId = query.MineralId("mineral");
            if (mineralId is not null && data.Mineral(mineralId) is null)
            {
                throw ApiException.BadParameter("mineral", $"'{mineralId}' is not a mineral of the catalog (GET /api/minerals).");
            }

            var country = query.Iso3("country");
            if (country is not null && data.Country(country) is null)
            {
                throw ApiException.BadParameter("country", $"'{country}' is not a country of the catalog (GET /api/countries).");
            }

            var activeOn = query.Date("activeOn");
            var hs = query.Hs6("hs");
            var day = activeOn ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

            var items = (mineralId is null ? register.All : register.For(mineralId))
                .Where(e => country is null || e.Country == country)
                .Where(e => activeOn is null || e.ActiveOn(activeOn.Value))
                .Where(e => hs is null || e.HsCodes.Any(h => h.Hs6 == hs))
                .Select(e => e with { StatusOn = day })
                .ToList();
            var envelope = new Dictionary<string, object?>
            {
                ["mineral"] = mineralId,
                ["country"] = country,
                ["activeOn"] = activeOn,
                ["hs"] = hs,
                ["statusOn"] = day,
                ["isSample"] = false,
                ["source"] = "The policy register (data/events/events.json): each fact cites its source (citations; confirmed=false marks a fact seen only second-hand). Status on statusOn: in-force, partly-in-force (some clauses), announced, suspended, lifted, replaced, or null past the dates the sources cover.",
            };
            var csv = new CsvTable<PolicyEvent>(
                ["id", "date", "country", "title", "kind", "status", "status_on", "announced", "in_force", "took_effect", "instrument_number",
                 "instrument_title", "minerals", "hs_codes", "hs_codes_partial", "hs_codes_not_in_catalog", "scope", "status_history", "source_url", "source_text",
                 "confirmed", "is_sample"],
                e => [e.Id, CsvCells.Day(e.Date), e.Country, e.Title, e.Kind, e.Status, CsvCells.Day(e.StatusOn), CsvCells.Day(e.Announced), CsvCells.Day(e.InForce), CsvCells.Bool(e.TookEffect),
                      e.Instrument.Number, e.Instrument.Title, CsvCells.List(e.Minerals), CsvCells.List(e.HsCodes.Select(h => h.Hs6).Distinct()),
                      CsvCells.List(e.HsCodes.Where(h => h.Mapping == PolicyHsCode.Partial).Select(h => h.Hs6).Distinct()),
                      CsvCells.List(e.HsCodes.Where(h => !h.InCatalog).Select(h => h.Hs6).Distinct()), e.Scope,
                      string.Join("; ", e.StatusHistory.Select(History)), e.SourceUrl, e.SourceText, CsvCells.Bool(e.Confirmed), CsvCells.Bool(e.IsSample)]);
            return Task.FromResult<IResult>(ApiResponses.List(query, items, envelope, csv, CachePolicies.Reference, "events"));
        }, DataSets.CatalogOnly);

    /// <summary>"suspended 2025-11-09..2026-11-27 (clause 2)": one status entry in a CSV cell.</summary>
    private static string History(PolicyStatus s) =>
        $"{s.Status} {CsvCells.Day(s.From)}..{CsvCells.Day(s.Until)}{(s.Part is null ? "" : $" ({s.Part})")}";
}
