namespace Feeds.Core.Reserves;

/// <summary>What every layout parser of one file shares: the file's name, encoding and edition, and the resolvers.</summary>
internal sealed class UsgsFileContext(string file, string encoding, UsgsCountryResolver countries, UsgsCommodities commodities, UsgsCorrections corrections)
{
    public string File { get; } = file;
    public string Encoding { get; } = encoding;
    public UsgsCountryResolver Countries { get; } = countries;
    public UsgsCommodities Commodities { get; } = commodities;
    public UsgsCorrections Corrections { get; } = corrections;

    /// <summary>The file's own name (a ZIP entry is named "archive.zip!entry.csv").</summary>
    public string OwnName => File[(File.LastIndexOf('!') + 1)..];

    /// <summary>The edition the file name states (<c>MCS2026_Commodities_Data.csv</c>, <c>mcs2024-lithi_world.csv</c>), or null.</summary>
    public string? EditionInName => UsgsPatterns.EditionPattern().Match(OwnName) is { Success: true } m ? "MCS" + m.Groups["year"].Value : null;

    public UsgsBatch Batch(string layout) => new(File, layout, Encoding);

    /// <summary>An edition from a Source cell ("MCS2025"), else the file name's.</summary>
    public string? Edition(string? source)
    {
        var text = UsgsText.Clean(source).ToUpperInvariant();
        return Identifiers.Edition().IsMatch(text) ? text : EditionInName;
    }

    /// <summary>
    /// The year, edition and commodity a salient record's values share. When a key is unreadable (or
    /// <paramref name="strayError"/> names a value outside the header) every value column is quarantined with the
    /// reason; when the commodity is on no list its values are counted out of scope. Null in both cases.
    /// </summary>
    public (int Year, string Edition, UsgsCommodity Commodity)? SalientKeys(
        UsgsBatch batch, CsvRecord record, IReadOnlyList<(string Name, int Index)> columns, string? strayError,
        string yearText, string sourceCell, string sourceColumn, string commodityCell)
    {
        var edition = Edition(sourceCell);
        var year = 0;
        var error = strayError
            ?? (!int.TryParse(yearText.Split('_')[0], NumberStyles.None, CultureInfo.InvariantCulture, out year) ? $"year '{yearText}' is not a year (or year_estimated)"
            : edition is null ? $"no MCS edition in the {sourceColumn} cell or the file name" : null);
        if (error is not null)
        {
            foreach (var column in columns)
            {
                batch.Quarantine(record, column.Name, error);
            }

            return null;
        }

        var commodity = Commodities.ByName(commodityCell);
        if (!commodity.InScope)
        {
            batch.OutOfScopeRecords(commodity.Name, columns.Count);
            return null;
        }

        return (year, edition!, commodity);
    }

    /// <summary>
    /// What a world row's Type says of its values: the product when the Type is one of a product series (else main), the
    /// Type's own product as what the figure covers when it is neither main, a series nor a World total's product, and
    /// the basis words.
    /// </summary>
    public static (string Product, string? Coverage, string? Basis) OfType(
        string type, IEnumerable<string> names, IReadOnlySet<string> worldProducts, IReadOnlySet<string> typeProducts)
    {
        var (product, basis) = UsgsWording.Split(type, names);
        var series = UsgsWording.IsSeries(product, worldProducts, typeProducts);
        return (series ? product : "main", series || product == "main" || worldProducts.Contains(product) ? null : product, basis);
    }

    /// <summary>
    /// Where a country row's value belongs: a qualified World total names its product ("World total (ilmenite,
    /// rounded)"), a country's qualifier says what its figure covers (before the row's own coverage), and a commodity
    /// alias ("Titanium (metal)") names the product a main value is of.
    /// </summary>
    public static (string Product, string? Coverage) Placement(string product, string? coverage, UsgsCountryMatch country, UsgsCommodity commodity)
    {
        if (country.Qualifier is { } qualifier)
        {
            if (country.Country.IsAggregate && product == "main")
            {
                product = UsgsWording.Split(qualifier, [commodity.Name]).Product;
            }
            else if (!country.Country.IsAggregate)
            {
                coverage = coverage is null ? qualifier : $"{qualifier}; {coverage}";
            }
        }

        return (product == "main" && commodity.Product is { } aliasProduct ? aliasProduct : product, coverage);
    }

    /// <summary>What the World total leaves out, as its label or else its notes say; null on every other row.</summary>
    public static string? WorldExcludes(UsgsCountryMatch country, string? notes) =>
        country.Country.Key == UsgsCountry.WorldKey ? country.Excludes ?? Excludes(notes) : null;

    /// <summary>Tons of a number in a unit, or null (no number, or not a mass).</summary>
    public static double? Tons(decimal? number, UsgsUnit unit) => number is { } n && unit.TonsPer is { } per ? (double)(n * per) : null;

    public static double? Number(decimal? number) => number is { } n ? (double)n : null;

    /// <summary>"Excludes U.S. production." in a notes cell, as written, or null.</summary>
    public static string? Excludes(string? notes) =>
        notes is not null && UsgsPatterns.ExcludesPattern().Match(notes) is { Success: true } m ? m.Value.Trim() : null;

    /// <summary>A note that says a year's figure is an estimate ("estimated 2023", "Production in 2021 is also estimated").</summary>
    public static bool NotesSayEstimated(string? notes, int year) =>
        notes is not null && UsgsPatterns.EstimatedYearPattern().Matches(notes).Any(m => m.Groups["year"].Value == year.ToString(CultureInfo.InvariantCulture));

    public static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static string Cell(CsvRecord record, int index) => index >= 0 && index < record.Fields.Count ? record.Fields[index] : "";

    /// <summary>Basis parts joined ("lithium content; dry weight"), or null.</summary>
    public static string? Basis(params string?[] parts)
    {
        var list = parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return list.Count == 0 ? null : string.Join("; ", list);
    }
}
