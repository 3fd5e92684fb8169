using System.Text.RegularExpressions;

namespace Feeds.Core.Reserves;

/// <summary>
/// The wordings the USGS parsers recognise, in one place, so that a new wording is added beside the others (and a
/// number reads the same everywhere: <see cref="Number"/>). Grouped by the parser that reads them.
/// </summary>
internal static partial class UsgsPatterns
{
    /// <summary>A published number: thousands separated by commas, an optional decimal part.</summary>
    private const string Number = @"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?";

    // Read by CommoditiesData2026Parser.
    [GeneratedRegex(@"\s*(?:[:,]\s*rounded|\(rounded\))\s*$", RegexOptions.IgnoreCase)]
    internal static partial Regex RoundedSuffix();

    [GeneratedRegex(@"^\(Data in (?<data>.+),?\s+unless otherwise specified\)", RegexOptions.IgnoreCase)]
    internal static partial Regex DataInPattern();

    [GeneratedRegex(@"\s*--\s*")]
    internal static partial Regex NotesSeparator();

    [GeneratedRegex(@"^Estimated\s*\.?$", RegexOptions.IgnoreCase)]
    internal static partial Regex EstimatedPart();

    [GeneratedRegex(@"^(?<first>\d{4})(?:\s*[–—-]\s*(?<last>\d{2}|\d{4}))?$")]
    internal static partial Regex PeriodYears();

    // Read by ImportRelianceParser.
    [GeneratedRegex(@"(?<!\d)(?:19|20)\d{2}(?!\d)")]
    internal static partial Regex YearInText();

    // Read by PerCommodityWorldParser.
    [GeneratedRegex(@"mcs(?<year>\d{4})-?(?<code>[a-z]+(?:-[a-z]+)?)_(?:world|salient)", RegexOptions.IgnoreCase)]
    internal static partial Regex FileNamePattern();

    // Read by UsgsCommodities.
    [GeneratedRegex(@"^(?<base>[^,(]+?)\s*(?:,\s*(?<rest>.+)|\((?<rest>[^)]*)\)\s*(?:,.*)?)$")]
    internal static partial Regex QualifiedName();

    // Read by UsgsCountryResolver.
    [GeneratedRegex(@"(?<=\D)\s*\d+$")]
    internal static partial Regex FootnoteDigits();

    [GeneratedRegex(@"^(?<name>world total|other countries|other)\s*(?:\((?<inner>[^)]*)\))?\s*(?:,\s*(?<rest>.*))?$")]
    internal static partial Regex AggregatePattern();

    [GeneratedRegex(@"^(?<base>[^(]+)\((?<qualifier>[^)]*)\)$")]
    internal static partial Regex QualifiedPattern();

    [GeneratedRegex(@",\s*and\s+|,\s*|\s+and\s+")]
    internal static partial Regex MemberSeparator();

    // Read by UsgsFileContext.
    [GeneratedRegex(@"(?<![a-z])mcs[\s_-]?(?<year>20\d{2})", RegexOptions.IgnoreCase)]
    internal static partial Regex EditionPattern();

    [GeneratedRegex(@"Excludes U\.\s?S\.? production\.?", RegexOptions.IgnoreCase)]
    internal static partial Regex ExcludesPattern();

    [GeneratedRegex(@"(?:estimated (?:for |in )?(?<year>\d{4})|in (?<year>\d{4}) is also estimated|also estimated in (?<year>\d{4}))", RegexOptions.IgnoreCase)]
    internal static partial Regex EstimatedYearPattern();

    // Read by UsgsParser.
    [GeneratedRegex(@"^Unnamed: \d+$")]
    internal static partial Regex UnnamedPattern();

    // Read by UsgsValueParser.
    [GeneratedRegex("^" + Number + "$")]
    internal static partial Regex NumberPattern();

    [GeneratedRegex(@"^(?<op>>=|<=|>|<|≥|≤|\?|more than|greater than|less than)\s*(?<number>[\d,.]+)$", RegexOptions.IgnoreCase)]
    internal static partial Regex BoundPattern();

    [GeneratedRegex("^(?<low>" + Number + @")\s*(?:–|—|-|to)\s*(?<high>" + Number + ")$", RegexOptions.IgnoreCase)]
    internal static partial Regex RangePattern();

    [GeneratedRegex(@"^e\s?(?<number>\d[\d,.]*)$")]
    internal static partial Regex EstimateMarkPattern();

    [GeneratedRegex(@"^included (?:in|with)\b", RegexOptions.IgnoreCase)]
    internal static partial Regex IncludedPattern();

    [GeneratedRegex(@"^(?<value>(?:[<>]\s*)?" + Number + @")(?=\.(?:\s|$)|$)")]
    internal static partial Regex NotesValuePattern();

    [GeneratedRegex(@"\(\s*reserve data (?:is|are) [^)]*\)", RegexOptions.IgnoreCase)]
    internal static partial Regex UnitRestatement();

    [GeneratedRegex(@"^(?<symbol>W|NA|XX)\s+for\s+(?<years>[\d\s,–-]+)$", RegexOptions.IgnoreCase)]
    internal static partial Regex ForYearsPattern();

    // Read by UsgsWording.
    [GeneratedRegex(@"[,:;]|\s-\s")]
    internal static partial Regex Separators();

    [GeneratedRegex(@"^(?<basis>.*\bcontent) of (?<product>.+)$", RegexOptions.IgnoreCase)]
    internal static partial Regex ContentOf();

    [GeneratedRegex(@"\b(?:content|contained|equivalent|equiv|gross weight|grosss weight|dry|calcined|marketable|usable ore|\w*oxide)\b")]
    internal static partial Regex BasisPattern();

    [GeneratedRegex(@"[^a-z0-9]+")]
    internal static partial Regex NonSlug();

    // Read by WorldData2025Parser.
    /// <summary>"(Reserve data is thousand metric tons)", "Crude Ore, million metric tons": a note that states the column's unit.</summary>
    [GeneratedRegex(@"(?:data (?:is|are) (?:in )?|^[^,]+,\s*)(?<unit>thousand metric tons|million metric tons|metric tons|kilograms)\s*\)?\.?\s*$", RegexOptions.IgnoreCase)]
    internal static partial Regex UnitNote();
}
