using Feeds.Core.Analysis;
using Feeds.Core.Storage;

namespace Feeds.Tests.Unit.Comtrade;

/// <summary>A year from annual rows, or from twelve published months: the rules written out on small hand-made sets.</summary>
public sealed class AnnualFiguresTests
{
    private static TradeRow Row(int partner, int month, double value, double? cif = null, string hs = "250410") =>
        new("IND", 699, "graphite", 2023, month, "M", hs, "H6", false, [], partner, null, $"P{partner}", value, cif, value, 10, false, false,
            TradeRow.MirrorSource);

    private static IEnumerable<TradeRow> Months(int partner, double each, params int[] skip) =>
        Enumerable.Range(1, 12).Where(m => !skip.Contains(m)).Select(m => Row(partner, m, each));

    [Fact]
    public void A_published_annual_figure_wins_over_the_months()
    {
        var (rows, fromMonths) = AnnualFigures.Of([Row(156, 0, 500), .. Months(156, 10)]);

        var year = Assert.Single(rows);
        Assert.Equal(500, year.ValueUsd);
        Assert.Empty(fromMonths);
    }

    [Fact]
    public void Twelve_published_months_sum_and_a_partner_missing_in_one_of_them_had_no_trade_that_month()
    {
        // China every month (10 each); Italy absent in February and October, months the reporter did publish.
        var (rows, fromMonths) = AnnualFigures.Of([.. Months(156, 10), .. Months(380, 1, 2, 10)]);

        Assert.Equal(120, rows.Single(r => r.PartnerCode == 156).ValueUsd);
        Assert.Equal(10, rows.Single(r => r.PartnerCode == 380).ValueUsd);
        Assert.All(rows, r => Assert.Equal(0, r.Month));
        Assert.Equal(120, rows.Single(r => r.PartnerCode == 156).NetWeightKg);
        Assert.Equal([(156, "250410", "M"), (380, "250410", "M")], fromMonths.Order());
    }

    [Fact]
    public void A_month_the_reporter_has_not_published_leaves_the_year_without_a_figure()
    {
        // Nobody has December: the year is not complete, and an unknown month is not a zero.
        var (rows, fromMonths) = AnnualFigures.Of([.. Months(156, 10, 12), .. Months(380, 1, 12)]);

        Assert.Empty(rows);
        Assert.Empty(fromMonths);
    }

    [Fact]
    public void A_sum_is_only_as_known_as_its_months()
    {
        // CIF known in eleven months only: the year's CIF is unknown, its value is still the sum.
        var (rows, _) = AnnualFigures.Of([.. Enumerable.Range(1, 12).Select(m => Row(156, m, 10, m == 5 ? null : 10))]);

        var year = Assert.Single(rows);
        Assert.Equal(120, year.ValueUsd);
        Assert.Null(year.CifUsd);
    }
}
