using System.Globalization;
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

    public IReadOnlyList<NormalizedRecord> Normalize(IReadOnlyList<ComtradeRecord> records, ComtradeRequest request)
    {
        var result = new List<NormalizedRecord>(records.Count);
        var kept = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            var outcome = Check(record, request);
            if (outcome.Rows.Count > 0)
            {
                // Breakdowns (by transport mode, customs procedure, second partner) are not totals: the request asked
                // for totals, so any that still come are dropped. Among totals that differ only in classification,
                // the original classification wins; otherwise the first seen.
                if (record.MotCode is not (0 or null) || record.CustomsCode is not ("C00" or "") || record.Partner2Code is not (0 or null))
                {
                    outcome = outcome with { Rows = [], SupersededBecause = "a breakdown (motCode, customsCode or partner2Code not total)" };
                }
                else
                {
                    var key = string.Join('|', record.ReporterCode, record.PartnerCode, record.FlowCode, record.CmdCode, record.Period, record.FreqCode);
                    if (kept.TryGetValue(key, out var index))
                    {
                        var previous = result[index];
                        if (record.IsOriginalClassification && !previous.Source.IsOriginalClassification)
                        {
                            result[index] = previous with { Rows = [], SupersededBecause = "the same figure in its original classification came too" };
                            kept[key] = result.Count;
                        }
                        else
                        {
                            outcome = outcome with { Rows = [], SupersededBecause = "the same figure came twice; the original classification (or the first) is kept" };
                        }
                    }
                    else
                    {
                        kept[key] = result.Count;
                    }
                }
            }

            result.Add(outcome);
        }

        return result;
    }

    private NormalizedRecord Check(ComtradeRecord r, ComtradeRequest request)
    {
        NormalizedRecord Reject(string reason) => new(r, null, [], null, reason);

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
            hs.Shared, string.Join(';', hs.Minerals.Where(m => m != mineral)), partner, key, name, value,
            r.FlowCode == "M" ? r.CifValue : null, r.FlowCode == "X" ? r.FobValue : null,
            weight, r.IsNetWgtEstimated, r.IsSample)).ToList();
        return new NormalizedRecord(r, new ComtradeSlice(request.Reporter, r.CmdCode, year), rows, null, null);
    }
}
