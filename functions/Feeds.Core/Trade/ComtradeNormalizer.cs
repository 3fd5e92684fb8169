using Feeds.Core.Catalog;

namespace Feeds.Core.Trade;

/// <summary>
/// Turns the records of one response into trade rows through the catalog: HS code and vintage to minerals,
/// partner code to ISO3 or area key. Duplicates are dropped by a documented rule and counted as superseded;
/// a record that cannot be read is quarantined with the reason. Nothing is guessed.
/// </summary>
public sealed class ComtradeNormalizer
{
    private readonly Dictionary<(string Code, string Vintage), HsCodeDefinition> _codes = [];
    private readonly Dictionary<string, HsCodeDefinition> _newest = new(StringComparer.Ordinal);
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

            if (code.Vintages.Contains(HsCodeDefinition.KnownVintages[^1]))
            {
                _newest[code.Code] = code;
            }
        }
    }

    /// <summary>Starts the normalization of one response to <paramref name="request"/>: records are added as they are read.</summary>
    public Response Start(ComtradeRequest request) => new(this, request);

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

    private static bool IsVintage(string code) => code.Length >= 2 && code[0] == 'H' && code[1..].All(char.IsAsciiDigit);

    private NormalizedRecord Check(ComtradeRecord r, ComtradeRequest request)
    {
        NormalizedRecord Reject(string reason) => new(null, [], null, reason, null, r.IsOriginalClassification);

        // Reported: the reporter is the one asked. Mirror: any reporter, the partner is the mirrored country.
        if (!request.Mirror && r.ReporterCode != request.ReporterCode)
        {
            return Reject($"reporterCode {r.ReporterCode} is not the requested reporter {request.ReporterCode}");
        }

        if (request.Mirror && (r.PartnerCode != request.ReporterCode || r.ReporterCode is not { } mirrorReporter || mirrorReporter is <= 0 or > 999))
        {
            return Reject($"partnerCode {r.PartnerCode} / reporterCode {r.ReporterCode} is not a partner's report of trade with {request.ReporterCode}");
        }

        if (r.FlowCode is not ("M" or "X") || !request.Flows.Contains(r.FlowCode))
        {
            return Reject($"flowCode '{r.FlowCode}' was not requested");
        }

        if (r.CmdCode.Length != 6 || !r.CmdCode.All(char.IsAsciiDigit) || !request.Codes.Contains(r.CmdCode))
        {
            return Reject($"cmdCode '{r.CmdCode}' is not one of the requested six-digit HS codes");
        }

        // A vintage newer than the catalog knows (HS 2027 will be H7): the code keeps its newest known meaning, and
        // hsVintage says what was published. A known vintage without the code is a mismatch.
        if (!_codes.TryGetValue((r.CmdCode, r.ClassificationCode), out var hs)
            && (HsCodeDefinition.KnownVintages.Contains(r.ClassificationCode) || !IsVintage(r.ClassificationCode) || !_newest.TryGetValue(r.CmdCode, out hs)))
        {
            return Reject($"HS code {r.CmdCode} is not in the catalog for classification '{r.ClassificationCode}'");
        }

        if (r.FreqCode != request.Frequency)
        {
            return Reject($"freqCode '{r.FreqCode}' was not requested ({request.Frequency})");
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

        if (r.RefYear is not { } year || !request.Periods.Contains(request.IsMonthly ? (year * 100) + month : year))
        {
            return Reject($"period {r.RefYear?.ToString(CultureInfo.InvariantCulture) ?? "missing"}{(request.IsMonthly ? $"-{r.RefMonth:D2}" : "")} was not requested");
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

        // A mirror row is the mirrored country's trade as its counterpart reports it: the counterpart (the record's
        // reporter) is the partner, the flow is seen from the other side, and the value keeps the counterpart's
        // valuation (FOB on its exports, CIF on its imports).
        var counterpart = request.Mirror ? r.ReporterCode!.Value : partner;
        var flow = request.Mirror ? (r.FlowCode == "X" ? "M" : "X") : r.FlowCode;
        var described = request.Mirror ? r.ReporterDesc : r.PartnerDesc;
        // Partners outside the catalog are real rows too (Comtrade adds areas now and then): kept, without ISO3.
        string? key = null;
        var name = string.IsNullOrEmpty(described) ? $"Comtrade partner {counterpart}" : described;
        if (_catalog.Partner(counterpart) is { } known)
        {
            (key, name) = known;
        }

        var source = request.Mirror ? TradeRow.MirrorSource : TradeRow.ReportedSource;
        var rows = hs.Minerals.Select(mineral => new TradeRow(
            request.Reporter, request.ReporterCode, mineral, year, month, flow, r.CmdCode, r.ClassificationCode,
            hs.Shared, [.. hs.Minerals.Where(m => m != mineral)], counterpart, key, name, value,
            r.FlowCode == "M" ? r.CifValue : null, r.FlowCode == "X" ? r.FobValue : null,
            weight, r.IsNetWgtEstimated, r.IsSample, source)).ToList();
        return new NormalizedRecord(
            new ComtradeSlice(request.Reporter, r.CmdCode, year, request.Frequency, request.Mirror), rows, null, null, null, r.IsOriginalClassification);
    }
}
