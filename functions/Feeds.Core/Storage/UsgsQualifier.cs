namespace Feeds.Core.Storage;

/// <summary>How a published USGS value is to be read. Stored as these words (docs/architecture.md).</summary>
public static class UsgsQualifier
{
    /// <summary>A plain number in a column or row that is not marked as an estimate.</summary>
    public const string Exact = "exact";

    /// <summary>A plain number marked as an estimate: an <c>_est_</c> column, a country or value with the mark <c>e</c>, a note "Estimated.".</summary>
    public const string Estimated = "estimated";

    /// <summary><c>W</c>: withheld to avoid disclosing company proprietary data.</summary>
    public const string Withheld = "withheld";

    /// <summary><c>NA</c>, a blank cell: no number published.</summary>
    public const string NotAvailable = "not available";

    /// <summary><c>XX</c>: not applicable (a World total that cannot be calculated).</summary>
    public const string NotApplicable = "not applicable";

    /// <summary><c>—</c>: zero (the MCS 2026 metadata's definition).</summary>
    public const string Zero = "zero";

    /// <summary><c>&gt;9,100,000</c>: at least the number.</summary>
    public const string LowerBound = "lower bound";

    /// <summary><c>&lt;1</c>, <c>Less than ½ unit.</c>: at most the number.</summary>
    public const string UpperBound = "upper bound";

    /// <summary><c>?1</c>: a bound whose sign (<c>&lt;</c> or <c>&gt;</c>) was lost before publication; the number is kept, the direction is not guessed.</summary>
    public const string UnknownBound = "bound, direction unknown";

    /// <summary><c>10,000 - 15,000</c>, <c>50–300</c>: the low end is the number, the high end is kept beside it.</summary>
    public const string Range = "range";

    /// <summary><c>Large</c>, <c>Small</c>, <c>s</c>, <c>Moderate</c>, <c>Variable, …</c>: a word instead of a number (kept as published).</summary>
    public const string Qualitative = "qualitative";

    /// <summary><c>Included in World total.</c>, <c>Included with ilmenite</c>: counted in another row.</summary>
    public const string IncludedElsewhere = "included elsewhere";

    /// <summary>Salient statistics only: <c>E</c>, the United States is a net exporter.</summary>
    public const string NetExporter = "net exporter";

    /// <summary>Qualifiers whose number is a value (not a bound): the ones that are ranked.</summary>
    public static bool IsValue(string qualifier) => qualifier is Exact or Estimated;

    /// <summary>Qualifiers whose number is a bound or the low end of a range (indicators flag them as such).</summary>
    public static bool IsBounded(string qualifier) => qualifier is LowerBound or UpperBound or UnknownBound or Range;
}
