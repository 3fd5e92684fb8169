namespace Feeds.Core.Trade;

/// <summary>
/// One call: several HS codes, periods (years for annual data, <c>yyyymm</c> for monthly), flows, all partners, totals
/// only. A reported request asks one reporter about its own trade. A mirror request (<see cref="Mirror"/> set)
/// asks every reporter about its trade with one country, <see cref="Reporter"/>: what the partners report is that
/// country's trade seen from the other side, flows flipped.
/// </summary>
public sealed record ComtradeRequest(
    string Reporter,
    int ReporterCode,
    IReadOnlyList<string> Codes,
    IReadOnlyList<int> Periods,
    IReadOnlyList<string> Flows,
    string Frequency = ComtradeRequest.Annual,
    bool Mirror = false)
{
    public const string Annual = "A", Monthly = "M";

    public bool IsMonthly => Frequency == Monthly;

    /// <summary>The year of a period (a year, or <c>yyyymm</c>).</summary>
    public int YearOf(int period) => IsMonthly ? period / 100 : period;

    /// <summary>One checkpoint per code and year: for monthly data, the requested months of that year.</summary>
    public IEnumerable<ComtradeSlice> Slices =>
        from code in Codes
        from year in Periods.GroupBy(YearOf)
        select new ComtradeSlice(Reporter, code, year.Key, Frequency, Mirror,
            IsMonthly ? year.Min() % 100 : 0, IsMonthly ? year.Max() % 100 : 0);

    /// <summary>What the call is, for people: <c>IND A 2020–2024, 20 codes 250410…283691</c>.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{(Mirror ? $"mirror of {Reporter}" : Reporter)} {Frequency} {Periods.Min()}–{Periods.Max()}, {Codes.Count} codes {Codes[0]}…{Codes[^1]}");

    /// <summary>The periods as the API writes them.</summary>
    public string PeriodList => string.Join(',', Periods.Select(p => p.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// Halves the request for a response that hit the record cap: codes first, then flows, then periods, so a
    /// monthly year stays in one request as long as it can (its checkpoint covers the year's requested months).
    /// </summary>
    public IReadOnlyList<ComtradeRequest>? Split()
    {
        if (Codes.Count > 1)
        {
            var half = Codes.Count / 2;
            return [this with { Codes = [.. Codes.Take(half)] }, this with { Codes = [.. Codes.Skip(half)] }];
        }

        if (Flows.Count > 1)
        {
            return [.. Flows.Select(f => this with { Flows = [f] })];
        }

        if (Periods.Count > 1)
        {
            var half = Periods.Count / 2;
            return [this with { Periods = [.. Periods.Take(half)] }, this with { Periods = [.. Periods.Skip(half)] }];
        }

        return null;
    }
}
