namespace Feeds.Core.Reserves;

/// <summary>
/// The units seen in MCS files: the suffixes of the 2022–2024 column names (<c>_t</c>, <c>_kt</c>, <c>_kg</c>,
/// <c>_Mt</c>, <c>_mct</c>, <c>_mcm</c>) and the words of the 2025 <c>UNIT_MEAS</c> column. Anything else is not guessed.
/// </summary>
public static class UsgsUnits
{
    public static UsgsUnit Tons { get; } = new("t", "metric tons", 1m);
    public static UsgsUnit Kilotons { get; } = new("kt", "thousand metric tons", 1000m);
    public static UsgsUnit Kilograms { get; } = new("kg", "kilograms", 0.001m);
    public static UsgsUnit Megatons { get; } = new("Mt", "million metric tons", 1_000_000m);
    public static UsgsUnit MillionCarats { get; } = new("mct", "million carats", null);
    public static UsgsUnit MillionCubicMeters { get; } = new("mcm", "million cubic meters", null);

    private static readonly UsgsUnit[] All = [Tons, Kilotons, Kilograms, Megatons, MillionCarats, MillionCubicMeters];

    /// <summary>A column-name suffix. Case matters only for <c>Mt</c> (million tons) against <c>mt</c>, which is not used.</summary>
    public static UsgsUnit? FromToken(string token) =>
        All.FirstOrDefault(u => string.Equals(u.Token, token, StringComparison.Ordinal))
        ?? All.FirstOrDefault(u => u.Token != "Mt" && string.Equals(u.Token, token, StringComparison.OrdinalIgnoreCase));

    /// <summary>A 2025 <c>UNIT_MEAS</c> value ("metric tons", "thousand metric tons", …), case-insensitive.</summary>
    public static UsgsUnit? FromWords(string words)
    {
        var text = UsgsText.Clean(words);
        return All.FirstOrDefault(u => string.Equals(u.Name, text, StringComparison.OrdinalIgnoreCase))
            ?? (string.Equals(text, "metric ton", StringComparison.OrdinalIgnoreCase) ? Tons : null);
    }
}
