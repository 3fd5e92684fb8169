namespace Feeds.Core.Storage;

/// <summary>How a published USGS value is to be read. Stored as these words (docs/architecture.md).</summary>
public static class UsgsQualifier
{
    /// <summary>A plain number in a column or row that is not marked as an estimate.</summary>
    public const string Exact = "exact";

    /// <summary>A plain number in an <c>_est_</c> column or on a country marked with the estimate mark <c>e</c>.</summary>
    public const string Estimated = "estimated";

    /// <summary><c>W</c>: withheld to avoid disclosing company proprietary data.</summary>
    public const string Withheld = "withheld";

    /// <summary><c>NA</c>, <c>XX</c> (not applicable), <c>—</c>, a blank cell, or a word such as <c>Large</c>: no number.</summary>
    public const string NotAvailable = "not available";

    /// <summary><c>&gt;9,100,000</c>: at least the number.</summary>
    public const string LowerBound = "lower bound";

    /// <summary><c>&lt;1</c>, <c>Less than ½ unit.</c>: at most the number.</summary>
    public const string UpperBound = "upper bound";

    /// <summary><c>Included in World total.</c>, <c>Included with ilmenite</c>: counted in another row.</summary>
    public const string IncludedElsewhere = "included elsewhere";

    /// <summary>Salient statistics only: <c>E</c>, the United States is a net exporter.</summary>
    public const string NetExporter = "net exporter";

    /// <summary>Qualifiers whose number is a value (not a bound): the ones that are ranked.</summary>
    public static bool IsValue(string qualifier) => qualifier is Exact or Estimated;
}
