using Feeds.Core.Catalog;

namespace Feeds.Core.Trade;

/// <summary>
/// The calls a refresh starts with (before any split of a capped response): for each reporter, and for each country
/// whose mirror flows are pulled, the catalog's HS codes in batches, annual (all years in one call) and monthly (one
/// call per year's months, at most 12 periods as clients of the API keep to). Calls whose slices were stored least
/// recently come first, so a run cut short by its budget or the quota catches up first next time.
/// </summary>
public static class ComtradePlanner
{
    /// <summary>HS codes per call: with the keyed endpoint, a full annual refresh (3 reporters, ~80 codes, 5 years) takes 12 calls.</summary>
    public const int CodesPerRequest = 20;

    public static IReadOnlyList<string> Flows { get; } = ["M", "X"];

    public static IReadOnlyList<ComtradeRequest> Plan(
        IReadOnlyList<(string Iso3, int Code)> reporters,
        IReadOnlyList<(string Iso3, int Code)> mirrors,
        IReadOnlyList<string> codes,
        IReadOnlyList<string> frequencies,
        IReadOnlyList<int> years,
        IReadOnlyList<int> months)
    {
        var whos = reporters.Select(r => (r.Iso3, r.Code, Mirror: false)).Concat(mirrors.Select(m => (m.Iso3, m.Code, Mirror: true)));
        var requests = new List<ComtradeRequest>();
        foreach (var (iso3, code, mirror) in whos)
        {
            foreach (var chunk in codes.Chunk(CodesPerRequest))
            {
                if (frequencies.Contains(ComtradeRequest.Annual) && years.Count > 0)
                {
                    requests.Add(new ComtradeRequest(iso3, code, chunk, years, Flows, ComtradeRequest.Annual, mirror));
                }

                if (frequencies.Contains(ComtradeRequest.Monthly))
                {
                    requests.AddRange(months.GroupBy(m => m / 100).Select(year =>
                        new ComtradeRequest(iso3, code, chunk, [.. year], Flows, ComtradeRequest.Monthly, mirror)));
                }
            }
        }

        return requests;
    }

    /// <summary>Orders calls by their least recently stored slice (never stored first); ties keep the plan's order.</summary>
    public static IReadOnlyList<ComtradeRequest> OldestFirst(IReadOnlyList<ComtradeRequest> plan, IReadOnlyDictionary<string, StoredSlice> stored) =>
        [.. plan.Select((request, index) => (request, index))
            .OrderBy(x => x.request.Slices.Min(s => stored.GetValueOrDefault(s.Key)?.StoredAt ?? DateTimeOffset.MinValue))
            .ThenBy(x => x.index)
            .Select(x => x.request)];

    /// <summary>The catalog's codes, and the reporters and mirrored countries with their Comtrade codes.</summary>
    public static (IReadOnlyList<(string Iso3, int Code)> Reporters, IReadOnlyList<(string Iso3, int Code)> Mirrors, IReadOnlyList<string> Codes) Scope(
        CatalogData catalog, ComtradeOptions options)
    {
        (string, int) Resolve(string iso3, string setting) =>
            catalog.Country(iso3)?.ComtradeCode is { } code
                ? (iso3, code)
                : throw new InvalidOperationException($"Feeds:Comtrade:{setting} names '{iso3}', which has no Comtrade code in the catalog.");

        return (
            [.. options.ReporterList.Select(r => Resolve(r, nameof(ComtradeOptions.Reporters)))],
            [.. options.MirrorList.Select(m => Resolve(m, nameof(ComtradeOptions.MirrorOf)))],
            [.. catalog.HsCodes.Select(h => h.Code).Distinct().Order(StringComparer.Ordinal)]);
    }
}
