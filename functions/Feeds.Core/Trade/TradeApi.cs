using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Azure;
using Azure.Data.Tables;
using Feeds.Core.Catalog;
using Feeds.Core.Analysis;
using Feeds.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Feeds.Core.Http;

namespace Feeds.Core.Trade;

/// <summary>
/// <c>GET /api/trade</c> and <c>GET /api/trade/partners</c>. Both read one partition of <c>TradeFlows</c>
/// (<c>{reporter}-{mineral}</c>) over a RowKey range; other filters are property comparisons inside that range.
/// Codes shared with other goods or minerals are left out unless <c>includeShared=true</c>, and the answer says
/// which codes were used.
/// </summary>
public sealed partial class TradeApi(FeedTables tables, CatalogLookup catalog, ApiHandler handler)
{
    private const int MinYear = 1988;
    private const int MaxYear = 2100;

    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        handler.RunAsync(request, async () =>
        {
            var query = new ApiQuery(request, "reporter", "mineral", "flow", "from", "to", "partner", "hs", "includeShared");
            var (reporter, mineral) = await ReporterAndMineralAsync(query, cancellationToken).ConfigureAwait(false);
            var flow = query.OneOf("flow", "M", "X")?.ToUpperInvariant();
            var from = Year(query, "from") ?? MinYear;
            var to = Year(query, "to") ?? MaxYear;
            if (from > to)
            {
                throw ApiException.BadParameter("from", $"'from' ({from}) is after 'to' ({to}).");
            }

            var partner = await PartnerCodeAsync(query, cancellationToken).ConfigureAwait(false);
            var hs = query.Optional("hs");
            if (hs is not null && !HsCode().IsMatch(hs))
            {
                throw ApiException.BadParameter("hs", $"'hs' must be a six-digit HS code; got '{hs}'.");
            }

            var includeShared = IncludeShared(query);
            var codes = CodeUse(mineral, includeShared);
            if (hs is not null && codes.All(c => c.Code != hs))
            {
                throw ApiException.BadParameter("hs", $"'{hs}' is not an HS code of {mineral.Id}; its codes are {string.Join(", ", codes.Select(c => c.Code))}.");
            }

            var limit = query.Limit();
            query.Format();
            var partition = $"{reporter.Iso3}-{mineral.Id}";
            var low = string.Create(CultureInfo.InvariantCulture, $"{from:D4}-");
            var high = string.Create(CultureInfo.InvariantCulture, $"{to + 1:D4}-");
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {low} and RowKey lt {high}");
            if (flow is not null)
            {
                filter += " and " + TableClient.CreateQueryFilter($"Flow eq {flow}");
            }

            if (partner is not null)
            {
                filter += " and " + TableClient.CreateQueryFilter($"PartnerCode eq {partner.Value}");
            }

            if (hs is not null)
            {
                filter += " and " + TableClient.CreateQueryFilter($"Hs6 eq {hs}");
            }
            else if (!includeShared)
            {
                filter += " and " + TableClient.CreateQueryFilter($"Shared eq {false}");
            }

            var token = DecodeContinuation(query.Optional("continuation"));
            Page<TableEntity> page;
            try
            {
                page = await tables.Get(FeedTables.TradeFlows).QueryAsync<TableEntity>(filter, maxPerPage: limit, cancellationToken: cancellationToken)
                    .AsPages(token, limit).FirstAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (token is not null && ex.Status == 400)
            {
                throw ApiException.BadParameter("continuation", "'continuation' is not a token this route issued; start again without it.");
            }

            var items = page.Values.Select(TradeEntities.FromEntity).Select(ToItem).ToList();
            var envelope = new Dictionary<string, object?>
            {
                ["reporter"] = reporter.Iso3,
                ["mineral"] = mineral.Id,
                ["flow"] = flow,
                ["from"] = Year(query, "from"),
                ["to"] = Year(query, "to"),
                ["includeShared"] = includeShared,
                ["hsCodes"] = codes,
                ["containsSample"] = items.Any(i => i.IsSample),
            };
            var csv = new CsvTable<TradeItem>(
                ["reporter", "mineral", "year", "month", "flow", "hs6", "hs_vintage", "shared", "partner_code", "partner", "partner_name",
                 "is_world", "value_usd", "cif_usd", "fob_usd", "net_weight_kg", "net_weight_estimated", "unit_value_usd_per_kg", "is_sample"],
                i => [i.Reporter, i.Mineral, Invariant(i.Year), Invariant(i.Month), i.Flow, i.Hs6, i.HsVintage, Bool(i.Shared), Invariant(i.PartnerCode),
                      i.Partner, i.PartnerName, Bool(i.IsWorld), Number(i.ValueUsd), Number(i.CifUsd), Number(i.FobUsd), Number(i.NetWeightKg),
                      Bool(i.NetWeightEstimated), Number(i.UnitValueUsdPerKg), Bool(i.IsSample)]);
            return ApiResponses.Page(query, items, null, EncodeContinuation(page.ContinuationToken), envelope, csv, CachePolicies.Data, "trade");
        });

    public Task<IResult> PartnersAsync(HttpRequest request, CancellationToken cancellationToken) =>
        handler.RunAsync(request, async () =>
        {
            var query = new ApiQuery(request, "reporter", "mineral", "flow", "year", "includeShared");
            var (reporter, mineral) = await ReporterAndMineralAsync(query, cancellationToken).ConfigureAwait(false);
            var flow = (query.OneOf("flow", "M", "X") ?? throw ApiException.BadParameter("flow", "'flow' is required: M (imports) or X (exports).")).ToUpperInvariant();
            var year = Year(query, "year") ?? throw ApiException.BadParameter("year", "'year' is required.");
            var includeShared = IncludeShared(query);
            var codes = CodeUse(mineral, includeShared);
            var used = codes.Where(c => c.Used).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
            query.Format();

            var partition = $"{reporter.Iso3}-{mineral.Id}";
            var low = string.Create(CultureInfo.InvariantCulture, $"{year:D4}-00-{flow}-");
            var high = string.Create(CultureInfo.InvariantCulture, $"{year:D4}-00-{flow}.");
            var rows = new List<TradeRow>();
            var scan = tables.Get(FeedTables.TradeFlows).QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {low} and RowKey lt {high}"),
                maxPerPage: 1000, cancellationToken: cancellationToken);
            await foreach (var entity in scan.ConfigureAwait(false))
            {
                var row = TradeEntities.FromEntity(entity);
                if (used.Contains(row.Hs6))
                {
                    rows.Add(row);
                }
            }

            var result = PartnerShares.Compute(rows);
            var envelope = new Dictionary<string, object?>
            {
                ["reporter"] = reporter.Iso3,
                ["mineral"] = mineral.Id,
                ["flow"] = flow,
                ["year"] = year,
                ["includeShared"] = includeShared,
                ["hsCodes"] = codes,
                ["partnerSumUsd"] = result.PartnerSumUsd,
                ["worldTotalUsd"] = result.WorldTotalUsd,
                ["gapUsd"] = result.GapUsd,
                ["chinaSharePercent"] = result.ChinaSharePercent,
                ["hhi"] = result.Hhi,
                ["partnerCount"] = result.PartnerCount,
                ["containsSample"] = result.ContainsSample,
                ["basis"] = "Shares are of the sum over partner rows (World excluded); HHI is the sum of squared percentage shares (0-10,000).",
            };
            var csv = new CsvTable<PartnerShare>(
                ["rank", "partner_code", "partner", "partner_name", "value_usd", "share_percent", "hs6", "is_sample"],
                p => [Invariant(p.Rank), Invariant(p.PartnerCode), p.Partner, p.PartnerName, Number(p.ValueUsd), Number(p.SharePercent),
                      string.Join(';', p.Hs6), Bool(p.IsSample)]);
            return ApiResponses.List(query, result.Partners, envelope, csv, CachePolicies.Data, "trade-partners");
        });

    private async Task<(CountryRecord Reporter, MineralRecord Mineral)> ReporterAndMineralAsync(ApiQuery query, CancellationToken cancellationToken)
    {
        var reporterText = query.Required("reporter").ToUpperInvariant();
        if (!Iso3().IsMatch(reporterText))
        {
            throw ApiException.BadParameter("reporter", $"'reporter' must be an ISO3 code such as IND or USA; got '{reporterText}'.");
        }

        var mineralText = query.Required("mineral").ToLowerInvariant();
        if (!MineralId().IsMatch(mineralText))
        {
            throw ApiException.BadParameter("mineral", $"'mineral' must be a mineral id such as lithium; got '{mineralText}'.");
        }

        var snapshot = await catalog.GetAsync(cancellationToken).ConfigureAwait(false);
        var reporter = snapshot.Countries.GetValueOrDefault(reporterText)
            ?? throw ApiException.BadParameter("reporter", $"'{reporterText}' is not a country of the catalog (GET /api/countries).");
        var mineral = snapshot.Minerals.GetValueOrDefault(mineralText)
            ?? throw ApiException.BadParameter("mineral", $"'{mineralText}' is not a mineral of the catalog (GET /api/minerals).");
        return (reporter, mineral);
    }

    /// <summary>A partner as ISO3 (CHN), area key (W00, X490) or Comtrade code (156, 490).</summary>
    private async Task<int?> PartnerCodeAsync(ApiQuery query, CancellationToken cancellationToken)
    {
        var text = query.Optional("partner")?.ToUpperInvariant();
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code <= 999)
        {
            return code;
        }

        var snapshot = await catalog.GetAsync(cancellationToken).ConfigureAwait(false);
        if (snapshot.Countries.GetValueOrDefault(text) is { ComtradeCode: { } countryCode })
        {
            return countryCode;
        }

        var area = snapshot.Areas.FirstOrDefault(a => a.Key == text);
        return area?.ComtradeCode ?? throw ApiException.BadParameter("partner",
            $"'partner' must be an ISO3 code with a Comtrade code (CHN), an area key (W00, X490) or a Comtrade partner code; got '{text}'.");
    }

    private static List<HsCodeUse> CodeUse(MineralRecord mineral, bool includeShared) =>
        [.. mineral.HsCodes.GroupBy(h => h.Code).Select(g =>
        {
            var shared = g.Any(h => h.Shared);
            return new HsCodeUse(g.Key, shared, includeShared || !shared,
                shared && !includeShared ? "shared with " + (g.SelectMany(h => h.SharedWith).Distinct().DefaultIfEmpty("other goods").Aggregate((a, b) => $"{a}, {b}")) + "; includeShared=true adds it" : null);
        })];

    private static bool IncludeShared(ApiQuery query) => query.OneOf("includeShared", "true", "false") == "true";

    private static int? Year(ApiQuery query, string name)
    {
        var text = query.Optional(name);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= MinYear and <= MaxYear
            ? year
            : throw ApiException.BadParameter(name, $"'{name}' must be a year from {MinYear} to {MaxYear}; got '{text}'.");
    }

    private static string? EncodeContinuation(string? token) =>
        token is null ? null : Base64UrlTextEncoder.Encode(Encoding.UTF8.GetBytes(token));

    private static string? DecodeContinuation(string? token)
    {
        if (token is null)
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64UrlTextEncoder.Decode(token));
            // The SDK's token is "{nextPartitionKey} {nextRowKey}"; anything else was not issued here.
            return text.Length is > 0 and < 2048 && !text.Any(char.IsControl) ? text : throw new FormatException();
        }
        catch (FormatException)
        {
            throw ApiException.BadParameter("continuation", "'continuation' is not a token this route issued; start again without it.");
        }
    }

    private static TradeItem ToItem(TradeRow r) => new(
        r.Reporter, r.Mineral, r.Year, r.Month, r.Flow, r.Hs6, r.HsVintage, r.Shared,
        r.SharedWith.Length == 0 ? [] : r.SharedWith.Split(';'), r.PartnerCode, r.PartnerKey, r.PartnerName, r.IsWorld,
        r.ValueUsd, r.CifUsd, r.FobUsd, r.NetWeightKg, r.NetWeightEstimated, r.UnitValueUsdPerKg, r.IsSample);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex Iso3();

    [GeneratedRegex("^[a-z][a-z0-9-]{0,40}$")]
    private static partial Regex MineralId();

    [GeneratedRegex("^[0-9]{6}$")]
    private static partial Regex HsCode();
}
