namespace Feeds.Core.Reserves;

/// <summary>
/// A known unit-label error in a published file: the edition, the file code (2022–2024) or commodity (2025), the
/// column, the unit it really is, and why (data/usgs/corrections.json).
/// </summary>
public sealed record UnitCorrection(string Edition, string? FileCode, string? Commodity, string Column, string CorrectUnit, string Reason);
