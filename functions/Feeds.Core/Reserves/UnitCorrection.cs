namespace Feeds.Core.Reserves;

/// <summary>A known unit-label error in a published file: the column's label, the unit it really is, and why.</summary>
public sealed record UnitCorrection(string Edition, string FileCode, string Column, string CorrectUnit, string Reason);
