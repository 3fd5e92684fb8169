using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Feeds.Core.Catalog;
using Feeds.Core.Pipeline;
using Feeds.Core.Storage;

namespace Feeds.Core.Reserves;

/// <summary>
/// Parses MCS data-release files, choosing the layout by the header: the 2022–2024 per-commodity world files
/// (units, years and products in the column names), the 2025 wide world file (<c>COMMODITY</c>, <c>UNIT_MEAS</c>,
/// <c>PROD_EST_ 2024</c>), and the T5 critical-minerals salient table. A record is one value cell (one salient row);
/// each record read ends as a row or in quarantine with the reason. Never throws on any input.
/// </summary>
public sealed partial class UsgsParser(CatalogData catalog, IReadOnlySet<string> sampleHashes)
{
    public const string PerCommodityLayout = "mcs-per-commodity";
    public const string World2025Layout = "mcs2025-world";
    public const string SalientLayout = "mcs-t5-salient";
    public const string UnknownLayout = "unknown";
    public const string EmptyLayout = "empty";

    private readonly UsgsCountryResolver _countries = new(catalog);
    private readonly UsgsCommodities _commodities = new(catalog);

    public UsgsParser(CatalogData catalog)
        : this(catalog, new HashSet<string>())
    {
    }

    /// <summary>SHA-256 (lower-case hex) of bytes.</summary>
    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>
    /// How sample files are recognised: SHA-256 of the decoded text with LF line ends, so the same file with CRLF
    /// line ends or a BOM is still the same sample.
    /// </summary>
    public static string ContentHash(ReadOnlySpan<byte> bytes) =>
        Sha256(System.Text.Encoding.UTF8.GetBytes(UsgsText.Decode(bytes).Text.ReplaceLineEndings("\n")));

    public UsgsParseResult Parse(string fileName, ReadOnlySpan<byte> bytes)
    {
        var isSample = sampleHashes.Contains(ContentHash(bytes));
        var (text, encoding) = UsgsText.Decode(bytes);
        var records = CsvRecordReader.Read(text).ToList();
        var parse = new FileParse(fileName, isSample);

        var headerIndex = records.FindIndex(r => !r.IsBlank);
        if (headerIndex < 0)
        {
            return parse.Result(EmptyLayout, encoding);
        }

        var header = records[headerIndex];
        var data = records.Skip(headerIndex + 1).Where(r => !r.IsBlank).ToList();
        var names = header.Fields.Select(CleanHeader).ToList();
        if (header.Malformed)
        {
            parse.QuarantineLines(data, "the header line has an unterminated quoted field");
            return parse.Result(UnknownLayout, encoding);
        }

        if (Has(names, "Critical_mineral") && Has(names, "Net_Import_Reliance"))
        {
            ParseSalient(parse, names, data);
            return parse.Result(SalientLayout, encoding);
        }

        var columns = ColumnLayout.Read(names);
        if (columns.Error is not null)
        {
            parse.QuarantineLines(data, $"header not recognised as an MCS layout: {columns.Error}");
            return parse.Result(UnknownLayout, encoding);
        }

        var layout = columns.Commodity is not null ? World2025Layout : PerCommodityLayout;
        ParseWorld(parse, columns, data, fileName);
        return parse.Result(layout, encoding);
    }

    private void ParseWorld(FileParse parse, ColumnLayout columns, List<CsvRecord> data, string fileName)
    {
        // A ZIP entry is named "archive.zip!entry.csv": the entry's own name says the commodity.
        var ownName = fileName[(fileName.LastIndexOf('!') + 1)..];
        var file = FileNamePattern().Match(ownName);
        var fileEdition = file.Success ? "MCS" + file.Groups["year"].Value : EditionInName().Match(ownName) is { Success: true } m ? m.Value.ToUpperInvariant() : null;

        // Per-commodity files name the commodity only in the file name.
        string? fileCommodity = null, fileMineral = null, fileError = null, fileCode = null;
        if (columns.Commodity is null)
        {
            if (!file.Success)
            {
                fileError = "the file name does not give the MCS commodity code (mcs20xx-<code>_world.csv)";
            }
            else
            {
                fileCode = file.Groups["code"].Value.ToLowerInvariant();
                (fileCommodity, fileMineral, fileError) = _commodities.ByFileCode(fileCode);
            }
        }

        // Products: when a file (or, in 2025, a commodity) holds several Type values, the Type tells them apart.
        var typesPerCommodity = data.Where(r => !r.Malformed)
            .GroupBy(r => columns.Commodity is { } c ? UsgsText.Clean(Cell(r, c)).ToLowerInvariant() : "", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => UsgsText.Clean(Cell(r, columns.Type))).Distinct(StringComparer.OrdinalIgnoreCase).Count());

        foreach (var record in data)
        {
            if (record.Malformed)
            {
                parse.Quarantine(record, null, "line has an unterminated quoted field");
                continue;
            }

            parse.Read += columns.Values.Count;
            var rowError = RowError(record, columns);
            var source = UsgsText.Clean(Cell(record, columns.Source));
            var edition = EditionPattern().IsMatch(source) ? source.ToUpperInvariant() : fileEdition;
            rowError ??= edition is null ? $"no MCS edition in the Source cell '{source}' or the file name" : null;

            var commodity = fileCommodity;
            var mineral = fileMineral;
            if (columns.Commodity is { } commodityColumn)
            {
                commodity = UsgsText.Clean(Cell(record, commodityColumn));
                string? error;
                (mineral, error) = _commodities.ByName(commodity);
                rowError ??= error;
            }
            else
            {
                rowError ??= fileError;
            }

            var countryCell = Cell(record, columns.Country);
            var country = _countries.Resolve(countryCell);
            rowError ??= country is null ? $"country '{UsgsText.Clean(countryCell)}' is not in the catalog (name, USGS spellings or aggregates)" : null;

            UsgsUnit? rowUnit = null;
            if (columns.UnitMeasure is { } unitColumn)
            {
                rowUnit = UsgsUnits.FromWords(Cell(record, unitColumn));
                rowError ??= rowUnit is null ? $"unit '{UsgsText.Clean(Cell(record, unitColumn))}' is not a known USGS unit" : null;
            }

            if (rowError is not null)
            {
                foreach (var column in columns.Values)
                {
                    parse.Quarantine(record, column.Header, rowError, counted: true);
                }

                continue;
            }

            var type = UsgsText.Clean(Cell(record, columns.Type));
            var typeKey = columns.Commodity is { } cc ? UsgsText.Clean(Cell(record, cc)).ToLowerInvariant() : "";
            var multiType = typesPerCommodity.GetValueOrDefault(typeKey) > 1;
            foreach (var column in columns.Values)
            {
                AddValue(parse, record, columns, column, new RowContext(
                    edition!, mineral!, commodity!, fileCode, country!, UsgsText.Clean(countryCell), type, multiType, rowUnit));
            }
        }
    }

    private static void AddValue(FileParse parse, CsvRecord record, ColumnLayout columns, ValueColumn column, RowContext row)
    {
        var measure = column.Kind switch
        {
            ColumnKind.Capacity => UsgsMeasure.Capacity,
            ColumnKind.Reserves => UsgsMeasure.Reserves,
            _ => UsgsMeasure.ProductionPhrases.FirstOrDefault(p => row.Type.Contains(p.Phrase, StringComparison.OrdinalIgnoreCase)).Measure,
        };
        if (measure is null)
        {
            parse.Quarantine(record, column.Header, $"production type '{row.Type}' names no known stage (mine, refinery, plant, smelter, sponge metal)", counted: true);
            return;
        }

        var editionYear = int.Parse(row.Edition.AsSpan(3), CultureInfo.InvariantCulture);
        // Reserves carry no year in most files: they are the edition's reference year (MCS2024 reports 2023 reserves).
        var year = column.Year ?? editionYear - 1;
        var estimated = column.Estimated || row.Country.EstimateMark;
        var cell = Cell(record, column.Index);
        var notes = columns.NotesFor(column.Kind) is { } notesColumn ? NullIfEmpty(UsgsText.Clean(Cell(record, notesColumn))) : null;

        var value = UsgsValueParser.Parse(cell, estimated);
        if (!value.IsReadable)
        {
            parse.Quarantine(record, column.Header, value.Error!, counted: true);
            return;
        }

        var fromNotes = false;
        if (value.Number is null && value.Qualifier == UsgsQualifier.NotAvailable && measure == UsgsMeasure.Reserves
            && UsgsValueParser.FromNotes(notes, estimated) is { } noted)
        {
            value = noted;
            fromNotes = true;
        }

        var unit = column.Unit ?? row.Unit!;
        var unitPublished = unit.Token;
        string? correction = null;
        if (row.FileCode is not null && UsgsUnitCorrections.Find(row.Edition, row.FileCode, column.Header) is { } fix)
        {
            unit = UsgsUnits.FromToken(fix.CorrectUnit)!;
            correction = $"{unitPublished} -> {unit.Token}: {fix.Reason}";
        }

        double? tons = value.Number is { } n && unit.TonsPer is { } per ? (double)(n * per) : null;
        var excludes = row.Country.Key == UsgsCountry.WorldKey && notes is not null && ExcludesPattern().Match(notes) is { Success: true } ex
            ? ex.Value.Trim()
            : null;

        var product = Product(column.Words, row.MultiType ? TypeProduct(row.Type) : null);
        parse.Rows.Add(new ReservesRow(
            row.Mineral, row.Commodity, row.Edition, measure, product, year, row.Country, row.CountryPublished,
            tons, value.Qualifier, estimated, value.Published, unitPublished, unit.Token, correction,
            Basis(row.Type, row.Commodity, column.Words), row.Type, notes, fromNotes, excludes,
            parse.File, record.Line, column.Header, parse.IsSample));
    }

    private void ParseSalient(FileParse parse, List<string> names, List<CsvRecord> data)
    {
        int Index(string name) => names.FindIndex(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        var mineralColumn = Index("Critical_mineral");
        foreach (var record in data)
        {
            if (record.Malformed)
            {
                parse.Quarantine(record, null, "line has an unterminated quoted field");
                continue;
            }

            parse.Read++;
            string Get(string name) => Index(name) is >= 0 and var i ? Cell(record, i) : "";
            var errors = new List<string>();
            if (record.Fields.Count > names.Count && record.Fields.Skip(names.Count).Any(f => UsgsText.Clean(f).Length > 0))
            {
                errors.Add("values beyond the header's columns");
            }

            var (mineral, mineralError) = _commodities.ByName(Cell(record, mineralColumn));
            if (mineralError is not null)
            {
                errors.Add(mineralError);
            }

            var source = UsgsText.Clean(Get("Source"));
            var edition = EditionPattern().IsMatch(source) ? source.ToUpperInvariant() : EditionInName().Match(parse.File) is { Success: true } m ? m.Value.ToUpperInvariant() : null;
            if (edition is null)
            {
                errors.Add($"no MCS edition in the Source cell '{source}' or the file name");
            }

            var yearMatch = SalientYearPattern().Match(UsgsText.Clean(Get("Year")));
            if (!yearMatch.Success)
            {
                errors.Add($"year '{UsgsText.Clean(Get("Year"))}' is not a year or year_estimated");
            }

            var yearEstimated = yearMatch.Success && yearMatch.Groups["est"].Success;
            var reliance = SalientValue(Get("Net_Import_Reliance"), errors, "Net_Import_Reliance");
            var leadingProduction = SalientValue(Get("Leading_country_prod"), errors, "Leading_country_prod");
            var worldProduction = SalientValue(Get("World_total_prod"), errors, "World_total_prod");
            var share = SalientValue(Get("Leading_source_precent_world"), errors, "Leading_source_precent_world");
            var (importSource, importIso3) = SalientCountry(Get("Primary_import_source"), errors, "Primary_import_source");
            var (leader, leaderIso3) = SalientCountry(Get("Leading_source_country"), errors, "Leading_source_country");

            if (errors.Count > 0)
            {
                parse.Quarantine(record, null, string.Join("; ", errors), counted: true);
                continue;
            }

            var published = names.Select((n, i) => (n, i)).Where(x => x.n.Length > 0)
                .ToDictionary(x => x.n, x => Cell(record, x.i), StringComparer.OrdinalIgnoreCase);
            parse.Salient.Add(new SalientRow(
                mineral!, UsgsText.Clean(Cell(record, mineralColumn)), edition!,
                int.Parse(yearMatch.Groups["year"].Value, CultureInfo.InvariantCulture), yearEstimated,
                reliance, importSource, importIso3, NullIfEmpty(UsgsText.Clean(Get("Import_source_notes"))),
                leader, leaderIso3, leadingProduction, worldProduction, NullIfEmpty(UsgsText.Clean(Get("World_prod_notes"))),
                share, published, parse.File, record.Line, parse.IsSample));
        }
    }

    /// <summary>A salient cell: <c>E</c> (net exporter) besides the usual symbols, numbers and bounds.</summary>
    private static UsgsValue SalientValue(string cell, List<string> errors, string column)
    {
        if (UsgsText.Clean(cell) == "E")
        {
            return new UsgsValue(UsgsQualifier.NetExporter, null, cell);
        }

        var value = UsgsValueParser.Parse(cell, estimated: false);
        if (!value.IsReadable)
        {
            errors.Add($"{column}: {value.Error}");
        }

        return value;
    }

    private (string? Name, string? Iso3) SalientCountry(string cell, List<string> errors, string column)
    {
        var text = UsgsText.Clean(cell);
        if (text.Length == 0 || text is "NA" or "W" or "XX")
        {
            return (NullIfEmpty(text), null);
        }

        var country = _countries.Resolve(text);
        if (country is null)
        {
            errors.Add($"{column}: country '{text}' is not in the catalog");
            return (text, null);
        }

        return (text, country.Iso3);
    }

    /// <summary>Why a row cannot be read at all (its every value is quarantined), or null.</summary>
    private static string? RowError(CsvRecord record, ColumnLayout columns)
    {
        if (record.Fields.Count < columns.RequiredFields)
        {
            return $"line has {record.Fields.Count} fields; the header needs {columns.RequiredFields}";
        }

        var stray = columns.Ignored.Where(i => i < record.Fields.Count).Concat(Enumerable.Range(columns.Width, Math.Max(0, record.Fields.Count - columns.Width)))
            .FirstOrDefault(i => UsgsText.Clean(record.Fields[i]).Length > 0, -1);
        return stray >= 0 ? $"value '{UsgsText.Clean(record.Fields[stray])}' in column {stray + 1}, which has no header" : null;
    }

    private static string Cell(CsvRecord record, int index) => index >= 0 && index < record.Fields.Count ? record.Fields[index] : "";

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static bool Has(List<string> names, string name) => names.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>A header cell: padding, a stray BOM and pandas' <c>Unnamed: N</c> (a blank header re-written) cleared.</summary>
    private static string CleanHeader(string cell)
    {
        var text = UsgsText.Clean(cell.Replace("\uFEFF", "", StringComparison.Ordinal));
        return UnnamedPattern().IsMatch(text) ? "" : text;
    }

    /// <summary>The product key part: the column's product words and, where a file holds several Types, the Type's own words.</summary>
    public static string Product(IReadOnlyList<string> words, string? typeProduct)
    {
        var parts = words.Select(Slug).Append(typeProduct is null ? "" : Slug(typeProduct)).Where(p => p.Length > 0).ToList();
        var product = parts.Count == 0 ? "main" : string.Join('-', parts);
        return product.Length <= 60 ? product : product[..60].TrimEnd('-');
    }

    private static string TypeProduct(string type)
    {
        var text = type;
        foreach (var (phrase, _) in UsgsMeasure.ProductionPhrases)
        {
            text = text.Replace(phrase, " ", StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }

    /// <summary>
    /// The basis as published: the column's product words when it has them (<c>ore</c>, <c>ore K2O equiv</c>),
    /// otherwise the Type's parts other than the stage, the commodity name and a bare unit ("lithium content",
    /// "rare-earth-oxide equivalent").
    /// </summary>
    public static string? Basis(string type, string commodity, IReadOnlyList<string> words)
    {
        if (words.Count > 0)
        {
            return string.Join(' ', words);
        }

        string[] units = ["metric tons", "thousand metric tons", "kilograms"];
        var parts = type.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !UsgsMeasure.ProductionPhrases.Any(x => p.Contains(x.Phrase, StringComparison.OrdinalIgnoreCase)))
            .Where(p => !string.Equals(p, commodity, StringComparison.OrdinalIgnoreCase))
            .Where(p => !units.Contains(p, StringComparer.OrdinalIgnoreCase))
            .ToList();
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    public static string Slug(string text)
    {
        var slug = NonSlug().Replace(text.ToLowerInvariant(), "-").Trim('-');
        return slug;
    }

    [GeneratedRegex(@"mcs(?<year>\d{4})-(?<code>[a-z]+(?:-[a-z]+)?)_world", RegexOptions.IgnoreCase)]
    private static partial Regex FileNamePattern();

    [GeneratedRegex(@"MCS\d{4}", RegexOptions.IgnoreCase)]
    private static partial Regex EditionInName();

    [GeneratedRegex(@"^MCS\d{4}$", RegexOptions.IgnoreCase)]
    private static partial Regex EditionPattern();

    [GeneratedRegex(@"^(?<year>\d{4})(?<est>_estimated)?$", RegexOptions.IgnoreCase)]
    private static partial Regex SalientYearPattern();

    [GeneratedRegex(@"Excludes .*?\.(?=\s+[A-Z]|\s*$)")]
    private static partial Regex ExcludesPattern();

    [GeneratedRegex(@"^Unnamed: \d+$")]
    private static partial Regex UnnamedPattern();

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NonSlug();

    /// <summary>What a row shares with all its values.</summary>
    private sealed record RowContext(
        string Edition, string Mineral, string Commodity, string? FileCode, UsgsCountry Country, string CountryPublished,
        string Type, bool MultiType, UsgsUnit? Unit);

    /// <summary>The outcomes of one file, gathered while it is read.</summary>
    private sealed class FileParse(string file, bool isSample)
    {
        public string File { get; } = file;
        public bool IsSample { get; } = isSample;
        public long Read { get; set; }
        public List<ReservesRow> Rows { get; } = [];
        public List<SalientRow> Salient { get; } = [];
        public List<QuarantinedRecord> Quarantined { get; } = [];

        /// <summary>Quarantines one record; <paramref name="counted"/> says whether it was already counted as read.</summary>
        public void Quarantine(CsvRecord record, string? column, string reason, bool counted = false)
        {
            if (!counted)
            {
                Read++;
            }

            var location = column is null ? $"line {record.Line}" : $"line {record.Line}, column {column}";
            Quarantined.Add(new QuarantinedRecord(File, location, reason, record.Raw));
        }

        public void QuarantineLines(IEnumerable<CsvRecord> records, string reason)
        {
            foreach (var record in records)
            {
                Quarantine(record, null, reason);
            }
        }

        public UsgsParseResult Result(string layout, string encoding) => new(File, layout, encoding, Read, Rows, Salient, Quarantined);
    }
}
