namespace Feeds.Core.Trade;

/// <summary>One call: a reporter, several HS codes and years, both flows, all partners, totals only.</summary>
public sealed record ComtradeRequest(string Reporter, int ReporterCode, IReadOnlyList<string> Codes, IReadOnlyList<int> Years, IReadOnlyList<string> Flows)
{
    public IEnumerable<ComtradeSlice> Slices =>
        from code in Codes from year in Years select new ComtradeSlice(Reporter, code, year);

    /// <summary>Halves the request along its widest dimension, for a response that hit the record cap.</summary>
    public IReadOnlyList<ComtradeRequest>? Split()
    {
        if (Codes.Count > 1)
        {
            var half = Codes.Count / 2;
            return [this with { Codes = [.. Codes.Take(half)] }, this with { Codes = [.. Codes.Skip(half)] }];
        }

        if (Years.Count > 1)
        {
            var half = Years.Count / 2;
            return [this with { Years = [.. Years.Take(half)] }, this with { Years = [.. Years.Skip(half)] }];
        }

        if (Flows.Count > 1)
        {
            return [.. Flows.Select(f => this with { Flows = [f] })];
        }

        return null;
    }
}
