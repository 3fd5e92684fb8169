namespace Feeds.Core.Events;

/// <summary>
/// One window of an event study: <see cref="Window"/> (<c>before</c>, <c>after</c>, and the same months a year earlier,
/// <c>baseline-before</c>, <c>baseline-after</c>), its months (<c>yyyy-MM</c>, inclusive), sums over the months that have
/// rows, and which months have none. An absent month is reported in <see cref="MissingMonths"/>, never counted as zero:
/// the per-month means divide by <see cref="MonthsWithData"/>. Sums are null when no month has data.
/// </summary>
public sealed record ImpactWindow(
    string Window,
    string From,
    string To,
    int Months,
    int MonthsWithData,
    IReadOnlyList<string> MissingMonths,
    int Rows,
    double? ValueUsd,
    double? NetWeightKg,
    double? UnitValueUsdPerKg,
    double? ValueUsdPerMonth,
    double? NetWeightKgPerMonth,
    int RowsWithoutWeight,
    bool IsSample);
