using Feeds.Core.Analysis;
namespace Feeds.Core.Events;

/// <summary>
/// The change from one window to another in percent: of the value and net weight per month with data (so a missing
/// month is neither zero nor imputed; with no month missing this equals the change of the sums), and of the unit value.
/// Null where the earlier window has no (or zero) figure.
/// </summary>
public sealed record ImpactChange(string From, string To, double? ValuePercent, double? NetWeightPercent, double? UnitValuePercent)
{
    public static ImpactChange Between(ImpactWindow from, ImpactWindow to) => new(
        from.Window, to.Window,
        Percent(from.ValueUsdPerMonth, to.ValueUsdPerMonth),
        Percent(from.NetWeightKgPerMonth, to.NetWeightKgPerMonth),
        Percent(from.UnitValueUsdPerKg, to.UnitValueUsdPerKg));

    private static double? Percent(double? before, double? after) =>
        before is > 0 && after is { } a ? ExactSums.Percent(a - before.Value, before.Value) : null;
}
