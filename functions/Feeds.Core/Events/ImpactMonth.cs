namespace Feeds.Core.Events;

/// <summary>One calendar month of an event study: its window and the sums of its rows (null when the month has none).</summary>
public sealed record ImpactMonth(string Month, string Window, int Rows, double? ValueUsd, double? NetWeightKg, double? UnitValueUsdPerKg, bool IsSample);
