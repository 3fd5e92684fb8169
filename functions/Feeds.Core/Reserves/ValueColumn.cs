namespace Feeds.Core.Reserves;

/// <summary>
/// A value column read from its name: <c>Prod_kt_est_2023</c> is production, thousand metric tons, estimated, 2023;
/// <c>Reserves_ore_K2O_equiv_kt</c> is reserves of the product "ore K2O equiv" in thousand metric tons, no year.
/// </summary>
internal sealed record ValueColumn(int Index, string Header, ColumnKind Kind, UsgsUnit? Unit, int? Year, bool Estimated, IReadOnlyList<string> Words);
