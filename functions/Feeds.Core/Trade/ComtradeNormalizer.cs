using Feeds.Core.Catalog;
using Feeds.Core.Storage;

namespace Feeds.Core.Trade;

/// <summary>
/// Turns the records of one response into trade rows through the catalog: HS code and vintage to minerals,
/// partner code to ISO3 or area key. Duplicates are dropped by a documented rule and counted as superseded;
/// a record that cannot be read is quarantined with the reason. Nothing is guessed.
/// </summary>
public sealed class ComtradeNormalizer
{
    private readonly Dictionary<(string Code, string Vintage), HsCodeDefinition> _codes = [];
    private readonly CatalogData _catalog;

    public ComtradeNormalizer(CatalogData catalog)
    {
        _catalog = catalog;
        foreach (var code in catalog.HsCodes)
        {
            foreach (var vintage in code.Vintages)
            {
                _codes[(code.Code, vintage)] = code;
            }
        }
    }

    /// <summary>Starts the normalization of one response to <paramref name="request"/>: records are added as they are read.</summary>
    public Response Start(ComtradeRequest request) => new(this, request);

    /// <summary>Normalizes records already in hand (their JSON is not kept, so a quarantined one carries no raw text).</summary>
    public IReadOnlyList<NormalizedRecord> Normalize(IEnumerable<ComtradeRecord> records, ComtradeRequest request)
    {
        var response = Start(request);
        foreach (var record in records)
        {
            response.Add(record, null);
        }

        return response.Results;
    }

    /// <summary>
    /// The outcomes of one response so far. Breakdowns (by transport mode, customs procedure, second partner) are not
    /// totals: the request asked for totals, so any that still come are superseded. Among totals that differ only in
    /// classification, the original classification wins; otherwise the first seen.
    /// </summary>
    public sealed class Response(ComtradeNormalizer normalizer, ComtradeRequest request)
    {
        private readonly List<NormalizedRecord> _results = [];
        private readonly Dictionary<string, int> _kept = new(StringComparer.Ordinal);

        public IReadOnlyList<NormalizedRecord> Results => _results;

        /// <param name="record">The record as read.</param>
        /// <param name="json">Its JSON, read only when the record is quarantined (valid during the call).</param>
        public void Add(ComtradeRecord record, JsonElement? json)
        {
            var outcome = normalizer.Check(record, request);
            if (outcome.QuarantineReason is not null)
            {
                outcome = outcome with { Raw = json?.GetRawText() ?? "" };
            }
            else if (record.MotCode is not (0 or null) || record.CustomsCode is not ("C00" or "") || record.Partner2Code is not (0 or null))
            {
                outcome = outcome with { Rows = [], SupersededBecause = "a breakdown (motCode, customsCode or partner2Code not total)" };
            }
            else
            {
                var key = string.Join('|', record.ReporterCode, record.PartnerCode, record.FlowCode, record.CmdCode, record.Period, record.FreqCode);
                if (_kept.TryGetValue(key, out var index))
                {
                    var previous = _results[index];
                    if (record.IsOriginalClassification && !previous.IsOriginalClassification)
                    {
                        _results[index] = previous with { Rows = [], SupersededBecause = "the same figure in its original classification came too" };
                        _kept[key] = _results.Count;
                    }
                    else
                    {
                        outcome = outcome with { Rows = [], SupersededBecause = "the same figure came twice; the original classification (or the first) is kept" };
                    }
                }
                else
                {
                    _kept[key] = _results.Count;
                }
            }

            _results.Add(outcome);
        }
    }

    private NormalizedRecord Check(ComtradeRecord r, ComtradeRequest request)
    {
        NormalizedRecord Reject(string reason) => new(null, [], null, reason, null, r.IsOriginalClassification);

        if (r.ReporterCode != request.ReporterCode)
        {
            return Reject($"reporterCode {r.ReporterCode} is not the requested reporter {request.ReporterCode}");
        }

        if (r.FlowCode is not ("M" or "X") || !request.Flows.Contains(r.FlowCode))
        {
            return Reject($"flowCode '{r.FlowCode}' was not requested");
        }

        if (r.CmdCode.Length != 6 || !r.CmdCode.All(char.IsAsciiDigit) || !request.Codes.Contains(r.CmdCode))
        {
            return Reject($"cmdCode '{r.CmdCode}' is not one of the requested six-digit HS codes");
        }

        if (!_codes.TryGetValue((r.CmdCode, r.ClassificationCode), out var hs))
        {
            return Reject($"HS code {r.CmdCode} is not in the catalog for classification '{r.ClassificationCode}'");
        }

        if (r.RefYear is not { } year || !request.Years.Contains(year))
        {
            return Reject($"refYear {r.RefYear?.ToString(CultureInfo.InvariantCulture) ?? "missing"} was not requested");
        }

        var month = r.FreqCode switch
        {
            "A" => 0,
            "M" when r.RefMonth is >= 1 and <= 12 => r.RefMonth.Value,
            _ => -1,
        };
        if (month < 0)
        {
            return Reject($"freqCode '{r.FreqCode}' with refMonth {r.RefMonth} is neither annual nor a month");
        }

        if (r.PartnerCode is not { } partner || partner is < 0 or > 999)
        {
            return Reject($"partnerCode {r.PartnerCode} is missing or out of range");
        }

        if (r.PrimaryValue is not { } value || !double.IsFinite(value) || value < 0)
        {
            return Reject("primaryValue is missing, negative or not a number");
        }

        // Comtrade sends unknown weights as null, or as 0 with the estimate flag: both mean "not known".
        double? weight = r.NetWgt is > 0 && double.IsFinite(r.NetWgt.Value) ? r.NetWgt : null;
        // Partners outside the catalog are real rows too (Comtrade adds areas now and then): kept, without ISO3.
        string? key = null;
        var name = string.IsNullOrEmpty(r.PartnerDesc) ? $"Comtrade partner {partner}" : r.PartnerDesc;
        if (_catalog.Partner(partner) is { } known)
        {
            (key, name) = known;
        }

        var rows = hs.Minerals.Select(mineral => new TradeRow(
            request.Reporter, request.ReporterCode, mineral, year, month, r.FlowCode, r.CmdCode, r.ClassificationCode,
            hs.Shared, [.. hs.Minerals.Where(m => m != mineral)], partner, key, name, value,
            r.FlowCode == "M" ? r.CifValue : null, r.FlowCode == "X" ? r.FobValue : null,
            weight, r.IsNetWgtEstimated, r.IsSample)).ToList();
        return new NormalizedRecord(new ComtradeSlice(request.Reporter, r.CmdCode, year), rows, null, null, null, r.IsOriginalClassification);
    }
}
