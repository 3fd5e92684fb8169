namespace Feeds.Core.Reserves;

/// <summary>
/// Reads the value cells of the MCS files: plain numbers (with or without thousands separators, quoted or padded, with
/// the estimate mark <c>e</c> glued in front: <c>e20,000</c>), bounds (<c>&gt;9,100,000</c>, <c>&lt;1</c>,
/// <c>Less than ½ unit.</c>, and <c>?1</c> whose sign was lost), ranges (<c>50–300</c>, <c>10,000 - 15,000</c>), and
/// the USGS symbols: <c>W</c> withheld, <c>NA</c> not available, <c>XX</c> not applicable, <c>—</c> zero, <c>E</c> net
/// exporter, <c>s</c> / <c>Small</c> / <c>Large</c> / <c>Variable, …</c> qualitative, <c>Included in …</c>. A blank
/// cell is "not available". Anything else is an error (quarantined with the reason), never a guess.
/// </summary>
public static class UsgsValueParser
{
    private static readonly string[] QualitativeWords = ["s", "small", "very small", "moderate", "large", "moderate to large", "very large"];

    /// <param name="cell">The cell as read.</param>
    /// <param name="estimated">The column or the row is an estimate: a plain number is then <c>estimated</c>.</param>
    /// <param name="allowNegative">A negative number is a value (salient stock changes and government shipments); world figures are never negative.</param>
    public static UsgsValue Parse(string? cell, bool estimated, bool allowNegative = false)
    {
        var published = cell ?? "";
        var text = UsgsText.Clean(published);
        var word = text.TrimEnd('.').Trim();

        if (text.Length == 0)
        {
            return new UsgsValue(UsgsQualifier.NotAvailable, null, published);
        }

        if (word is "W")
        {
            return new UsgsValue(UsgsQualifier.Withheld, null, published);
        }

        if (Eq(word, "NA"))
        {
            return new UsgsValue(UsgsQualifier.NotAvailable, null, published);
        }

        if (Eq(word, "XX"))
        {
            return new UsgsValue(UsgsQualifier.NotApplicable, null, published);
        }

        // The MCS 2026 metadata: "— - zero".
        if (word is "—" or "–" or "--" or "-")
        {
            return new UsgsValue(UsgsQualifier.Zero, 0m, published);
        }

        if (word is "E")
        {
            return new UsgsValue(UsgsQualifier.NetExporter, null, published);
        }

        if (QualitativeWords.Contains(word, StringComparer.OrdinalIgnoreCase) || word.StartsWith("Variable", StringComparison.OrdinalIgnoreCase))
        {
            return new UsgsValue(UsgsQualifier.Qualitative, null, published);
        }

        if (UsgsPatterns.IncludedPattern().IsMatch(text))
        {
            return new UsgsValue(UsgsQualifier.IncludedElsewhere, null, published);
        }

        if (Eq(word, "Less than ½ unit") || Eq(word, "Less than 1/2 unit"))
        {
            return new UsgsValue(UsgsQualifier.UpperBound, 0.5m, published);
        }

        var bound = UsgsPatterns.BoundPattern().Match(text);
        if (bound.Success)
        {
            if (!TryNumber(bound.Groups["number"].Value, out var limit))
            {
                return Unreadable(published);
            }

            var op = bound.Groups["op"].Value.ToLowerInvariant();
            var qualifier = op switch
            {
                ">" or "≥" or ">=" or "more than" or "greater than" => UsgsQualifier.LowerBound,
                // A '?' stands where a character was lost before publication ("Defined as imports ? exports."): a bound of unknown direction.
                "?" => UsgsQualifier.UnknownBound,
                _ => UsgsQualifier.UpperBound,
            };
            return new UsgsValue(qualifier, limit, published);
        }

        var range = UsgsPatterns.RangePattern().Match(text);
        if (range.Success && TryNumber(range.Groups["low"].Value, out var low) && TryNumber(range.Groups["high"].Value, out var high) && low <= high)
        {
            return new UsgsValue(UsgsQualifier.Range, low, published, High: high);
        }

        // The estimate mark glued to a value ("e20,000"), as on country names.
        var marked = UsgsPatterns.EstimateMarkPattern().Match(text);
        if (marked.Success && TryNumber(marked.Groups["number"].Value, out var estimate))
        {
            return new UsgsValue(UsgsQualifier.Estimated, estimate, published);
        }

        if (allowNegative && text.StartsWith('-') && TryNumber(text[1..], out var magnitude))
        {
            return new UsgsValue(estimated ? UsgsQualifier.Estimated : UsgsQualifier.Exact, -magnitude, published);
        }

        return TryNumber(text, out var number)
            ? new UsgsValue(estimated ? UsgsQualifier.Estimated : UsgsQualifier.Exact, number, published)
            : Unreadable(published);
    }

    /// <summary>
    /// A value stated at the start of a notes cell, as in World total <c>Reserves_t = NA</c> with
    /// <c>Reserves_notes = "&gt;2,000,000. In addition …"</c>. Only a number or bound that opens the note and is followed
    /// by a full stop or the end counts; "2 billion tons …" or footnote digits glued to a word ("6For Australia") do not.
    /// </summary>
    public static UsgsValue? FromNotes(string? notes, bool estimated)
    {
        var text = UsgsText.Clean(notes);
        var match = UsgsPatterns.NotesValuePattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var value = Parse(match.Groups["value"].Value, estimated);
        return value.IsReadable && value.Number is not null ? value with { Published = match.Groups["value"].Value } : null;
    }

    /// <summary>
    /// A symbol a notes cell carries for a blank value cell (MCS 2025 writes <c>W for 23-24</c>, <c>NA</c>, <c>Large</c>,
    /// <c>Included in World total</c> in the notes and leaves the value blank): the value it stands for, or null when
    /// the note is prose. <paramref name="year"/> is the value column's year, for notes that name years.
    /// </summary>
    public static UsgsValue? SymbolFromNotes(string? notes, int? year)
    {
        var text = UsgsText.Clean(notes);
        // "NA (Reserve data is thousand metric tons)." — the parenthesis restates the unit; the symbol is what is left.
        text = UsgsPatterns.UnitRestatement().Replace(text, "").Trim().TrimEnd('.').Trim();
        var forYears = UsgsPatterns.ForYearsPattern().Match(text);
        if (forYears.Success)
        {
            if (year is { } y && !CoversYear(forYears.Groups["years"].Value, y))
            {
                return null;
            }

            text = forYears.Groups["symbol"].Value;
        }

        if (text.Length == 0)
        {
            return null;
        }

        var value = Parse(text, estimated: false);
        return value.IsReadable && value.Qualifier is not (UsgsQualifier.Exact or UsgsQualifier.Estimated or UsgsQualifier.Range) && value.Number is null or 0.5m
            ? value with { Published = UsgsText.Clean(notes) }
            : null;
    }

    /// <summary>A number with optional thousands separators and decimals ("72,000", "1100000.0", "0.5").</summary>
    public static bool TryNumber(string text, out decimal number)
    {
        number = 0;
        var clean = UsgsText.Clean(text);
        if (!UsgsPatterns.NumberPattern().IsMatch(clean))
        {
            return false;
        }

        return decimal.TryParse(clean.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>"23-24", "2023", "2023-2024": whether the year is among them (two-digit years are 20xx).</summary>
    private static bool CoversYear(string years, int year)
    {
        var parts = years.Split(['-', '–', ' ', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? (n < 100 ? 2000 + n : n) : -1).ToList();
        return parts.Count switch
        {
            1 => parts[0] == year,
            >= 2 => year >= parts[0] && year <= parts[^1],
            _ => false,
        };
    }

    private static UsgsValue Unreadable(string published) =>
        new(UsgsQualifier.NotAvailable, null, published, $"value '{Shorten(published)}' is not a number or a known USGS symbol");

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private static bool Eq(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
