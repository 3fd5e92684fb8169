using Feeds.Core.Analysis;
using Feeds.Core.Storage;

namespace Feeds.Tests.Unit.Comtrade;

/// <summary>Partner shares, China's share and the HHI on a small hand-made set, the arithmetic written out.</summary>
public sealed class PartnerSharesTests
{
    private static TradeRow Row(int partner, string? key, double value, string hs = "283691", bool sample = false) =>
        new("IND", 699, "lithium", 2023, 0, "M", hs, "H6", false, [], partner, key, key ?? "World", value, value, null, null, false, sample);

    [Fact]
    public void Shares_hhi_and_gap_by_hand()
    {
        // Partners: China 60 + 20 (two codes) = 80, Chile 15, Argentina 5 -> sum 100. World reported: 110.
        var result = PartnerShares.Compute(
        [
            Row(156, "CHN", 60), Row(156, "CHN", 20, "282520"), Row(152, "CHL", 15), Row(32, "ARG", 5, sample: true),
            Row(0, "W00", 100), Row(0, "W00", 10, "282520"),
        ]);

        Assert.Equal(100, result.PartnerSumUsd);
        Assert.Equal(110, result.WorldTotalUsd);
        Assert.Equal(10, result.GapUsd);
        Assert.Equal([80d, 15d, 5d], result.Partners.Select(p => p.SharePercent));
        Assert.Equal([1, 2, 3], result.Partners.Select(p => p.Rank));
        Assert.Equal(80, result.ChinaSharePercent);
        // HHI = 80² + 15² + 5² = 6400 + 225 + 25 = 6650
        Assert.Equal(6650, result.Hhi!.Value, 9);
        Assert.Equal(3, result.PartnerCount);
        Assert.True(result.ContainsSample);
        Assert.Equal(["282520", "283691"], result.Partners[0].Hs6);
    }

    [Fact]
    public void No_china_row_is_a_zero_share_and_no_world_row_is_an_unknown_total()
    {
        var result = PartnerShares.Compute([Row(152, "CHL", 30), Row(36, "AUS", 10)]);

        Assert.Equal(0, result.ChinaSharePercent);
        Assert.Null(result.WorldTotalUsd);
        Assert.Null(result.GapUsd);
        // (75)² + (25)² = 5625 + 625 = 6250
        Assert.Equal(6250, result.Hhi!.Value, 9);
        Assert.False(result.ContainsSample);
    }

    [Fact]
    public void Nothing_traded_has_no_shares()
    {
        var result = PartnerShares.Compute([Row(0, "W00", 0)]);
        Assert.Null(result.Hhi);
        Assert.Null(result.ChinaSharePercent);
        Assert.Empty(result.Partners);
    }
}
