namespace Feeds.Core.Reserves;

/// <summary>
/// The units seen in MCS files: the suffixes of the 2022–2024 column names (<c>_t</c>, <c>_kt</c>, <c>_kg</c>,
/// <c>_Mt</c>, <c>_mct</c>, <c>_mcm</c>) and the words of the 2025 <c>UNIT_MEAS</c> and 2026 <c>Unit</c> columns. A
/// mass converts to metric tons; anything else (carats, cubic meters, liters, percent, money) is kept as published.
/// </summary>
public static class UsgsUnits
{
    public static UsgsUnit Tons { get; } = new("t", "metric tons", 1m);
    public static UsgsUnit Kilotons { get; } = new("kt", "thousand metric tons", 1000m);
    public static UsgsUnit Kilograms { get; } = new("kg", "kilograms", 0.001m);
    public static UsgsUnit Megatons { get; } = new("Mt", "million metric tons", 1_000_000m);
    public static UsgsUnit DryKilotons { get; } = new("kt", "thousand metric dry tons", 1000m, "dry weight");
    public static UsgsUnit MillionCarats { get; } = new("mct", "million carats", null);
    public static UsgsUnit ThousandCarats { get; } = new("kct", "thousand carats", null);
    public static UsgsUnit MillionCubicMeters { get; } = new("mcm", "million cubic meters", null);

    private static readonly UsgsUnit[] Tokens = [Tons, Kilotons, Kilograms, Megatons, MillionCarats, ThousandCarats, MillionCubicMeters];

    private static readonly Dictionary<string, UsgsUnit> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["metric tons"] = Tons,
        ["metric ton"] = Tons,
        // MCS writes "tons" for metric tons (2026 cesium reserves).
        ["tons"] = Tons,
        ["thousand metric tons"] = Kilotons,
        ["kilograms"] = Kilograms,
        ["million metric tons"] = Megatons,
        ["thousand metric dry tons"] = DryKilotons,
        ["million carats"] = MillionCarats,
        ["thousand carats"] = ThousandCarats,
        ["thousands of carats"] = ThousandCarats,
        ["million cubic meters"] = MillionCubicMeters,
    };

    /// <summary>A column-name suffix. Case matters only for <c>Mt</c> (million tons) against <c>mt</c>, which is not used.</summary>
    public static UsgsUnit? FromToken(string token) =>
        Tokens.FirstOrDefault(u => string.Equals(u.Token, token, StringComparison.Ordinal))
        ?? Tokens.FirstOrDefault(u => u.Token != "Mt" && string.Equals(u.Token, token, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A unit written out ("metric tons", " thousands of carats", "percent"): the known mass and count units, or any
    /// other non-empty wording kept as published with no conversion (units are data, never a reason to reject a row).
    /// </summary>
    public static UsgsUnit? FromWords(string words)
    {
        var text = string.Join(' ', UsgsText.Clean(words).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (text.Length == 0)
        {
            return null;
        }

        return Words.TryGetValue(text, out var unit) ? unit : new UsgsUnit(text, text, null);
    }
}
