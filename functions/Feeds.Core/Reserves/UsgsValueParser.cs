using System.Text.RegularExpressions;
using Feeds.Core.Storage;

namespace Feeds.Core.Reserves;

/// <summary>
/// Reads the value cells of the MCS files: plain numbers (with or without thousands separators, quoted or padded),
/// bounds (<c>&gt;9,100,000</c>, <c>&lt;1</c>, <c>Less than ½ unit.</c>), and the USGS symbols <c>W</c>, <c>NA</c>,
/// <c>XX</c>, <c>—</c>, <c>Large</c>, <c>Very small</c>, <c>Included in World total.</c>, <c>Included with …</c>.
/// Anything else is an error (quarantined with the reason), never a guess.
/// </summary>
public static partial class UsgsValueParser
{
    /// <param name="cell">The cell as read.</param>
    /// <param name="estimated">The column or the row is an estimate: a plain number is then <c>estimated</c>.</param>
    public static UsgsValue Parse(string? cell, bool estimated)
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

        // XX is "not applicable"; the dashes are USGS's "zero or not available" placeholders in tables.
        if (word is "NA" or "XX" or "—" or "–" or "--" || Eq(word, "Large") || Eq(word, "Very small"))
        {
            return new UsgsValue(UsgsQualifier.NotAvailable, null, published);
        }

        if (IncludedPattern().IsMatch(text))
        {
            return new UsgsValue(UsgsQualifier.IncludedElsewhere, null, published);
        }

        if (Eq(word, "Less than ½ unit") || Eq(word, "Less than 1/2 unit"))
        {
            return new UsgsValue(UsgsQualifier.UpperBound, 0.5m, published);
        }

        var bound = BoundPattern().Match(text);
        if (bound.Success)
        {
            if (!TryNumber(bound.Groups["number"].Value, out var limit))
            {
                return Unreadable(published);
            }

            var op = bound.Groups["op"].Value.ToLowerInvariant();
            var qualifier = op is ">" or "≥" or ">=" or "more than" or "greater than" ? UsgsQualifier.LowerBound : UsgsQualifier.UpperBound;
            return new UsgsValue(qualifier, limit, published);
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
        var match = NotesValuePattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var value = Parse(match.Groups["value"].Value, estimated);
        return value.IsReadable && value.Number is not null ? value with { Published = match.Groups["value"].Value } : null;
    }

    /// <summary>A number with optional thousands separators and decimals ("72,000", "1100000.0", "0.5").</summary>
    public static bool TryNumber(string text, out decimal number)
    {
        number = 0;
        var clean = UsgsText.Clean(text);
        if (!NumberPattern().IsMatch(clean))
        {
            return false;
        }

        return decimal.TryParse(clean.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);
    }

    private static UsgsValue Unreadable(string published) =>
        new(UsgsQualifier.NotAvailable, null, published, $"value '{Shorten(published)}' is not a number or a known USGS symbol");

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private static bool Eq(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^(?<op>>=|<=|>|<|≥|≤|more than|greater than|less than)\s*(?<number>[\d,.]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex BoundPattern();

    [GeneratedRegex(@"^included (?:in|with)\b", RegexOptions.IgnoreCase)]
    private static partial Regex IncludedPattern();

    [GeneratedRegex(@"^(?<value>(?:[<>]\s*)?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?=\.(?:\s|$)|$)")]
    private static partial Regex NotesValuePattern();
}
