using System.Security.Cryptography;
using Feeds.Core.Catalog;

namespace Feeds.Core.Reserves;

/// <summary>
/// Parses MCS data-release files: decodes lazily (UTF-8 with or without BOM, else Windows-1252), reads the header and
/// chooses the layout by its column names, never by position or file name — the 2026 long Commodities Data file, the
/// 2025 wide World Data file, the 2022–2024 per-commodity world files, the per-commodity salient files, the T5 table,
/// Fig2 net import reliance, and the trends tables it recognises but does not use. The layout parsers hand back one
/// group of outcomes at a time (<see cref="UsgsBatch"/>); every record read ends stored, out of scope, superseded or
/// quarantined with the reason. Never throws on any input.
/// </summary>
public sealed class UsgsParser(CatalogData catalog, UsgsCorrections corrections)
{
    public const string PerCommodityLayout = "mcs-per-commodity";
    public const string World2025Layout = "mcs2025-world";
    public const string Commodities2026Layout = "mcs2026-commodities";
    public const string SalientFileLayout = "mcs-salient";
    public const string SalientLayout = "mcs-t5-salient";
    public const string ImportRelianceLayout = "mcs-fig2-net-import-reliance";
    public const string TrendsLayout = "mcs-trends-table";
    public const string UnknownLayout = "unknown";
    public const string EmptyLayout = "empty";

    private readonly UsgsCountryResolver _countries = new(catalog);
    private readonly UsgsCommodities _commodities = new(catalog);

    public UsgsParser(CatalogData catalog)
        : this(catalog, UsgsCorrections.Load())
    {
    }

    /// <summary>SHA-256 (lower-case hex) of bytes.</summary>
    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>A whole file held in memory, all groups together (tests and tools).</summary>
    public UsgsParseResult Parse(string fileName, ReadOnlySpan<byte> bytes)
    {
        using var stream = new MemoryStream(bytes.ToArray(), writable: false);
        return UsgsParseResult.Of(fileName, ParseBatches(fileName, stream));
    }

    /// <summary>A file read from a seekable stream, group by group: memory holds one group of records, not the file.</summary>
    public IEnumerable<UsgsBatch> ParseBatches(string fileName, Stream stream)
    {
        var (reader, encoding) = UsgsText.Open(stream);
        using (reader)
        {
            var file = new UsgsFileContext(fileName, encoding, _countries, _commodities, corrections);
            using var records = CsvRecordReader.Read(reader).GetEnumerator();
            CsvRecord? header = null;
            while (records.MoveNext())
            {
                if (!records.Current.IsBlank)
                {
                    header = records.Current;
                    break;
                }
            }

            if (header is null)
            {
                yield return file.Batch(EmptyLayout);
                yield break;
            }

            var rest = Rest(records);
            var names = header.Fields.Select(CleanHeader).ToList();
            if (header.Malformed)
            {
                yield return Unknown(file, rest, "the header line has an unterminated quoted field");
                yield break;
            }

            foreach (var batch in Dispatch(file, names, rest))
            {
                yield return batch;
            }
        }
    }

    private static IEnumerable<UsgsBatch> Dispatch(UsgsFileContext file, List<string> names, IEnumerable<CsvRecord> rest)
    {
        if (CommoditiesData2026Parser.Matches(names))
        {
            return CommoditiesData2026Parser.Parse(file, names, rest);
        }

        if (SalientTableParser.Matches(names))
        {
            return SalientTableParser.Parse(file, names, rest);
        }

        if (ImportRelianceParser.Matches(names))
        {
            return ImportRelianceParser.Parse(file, names, rest);
        }

        if (SalientFileParser.Matches(names))
        {
            return SalientFileParser.Parse(file, names, rest);
        }

        if (TrendsTableParser.Table(names) is { } table)
        {
            return TrendsTableParser.Parse(file, table, rest);
        }

        var columns = ColumnLayout.Read(names);
        if (columns.Error is not null)
        {
            return [Unknown(file, rest, $"header not recognised as an MCS layout: {columns.Error}")];
        }

        return columns.Commodity is not null
            ? WorldData2025Parser.Parse(file, columns, rest)
            : PerCommodityWorldParser.Parse(file, columns, rest);
    }

    private static UsgsBatch Unknown(UsgsFileContext file, IEnumerable<CsvRecord> records, string reason)
    {
        var batch = file.Batch(UnknownLayout);
        foreach (var record in records.Where(r => !r.IsBlank))
        {
            batch.Count();
            batch.Quarantine(record, null, reason);
        }

        return batch;
    }

    private static IEnumerable<CsvRecord> Rest(IEnumerator<CsvRecord> records)
    {
        while (records.MoveNext())
        {
            yield return records.Current;
        }
    }

    /// <summary>A header cell: padding, a stray BOM and pandas' <c>Unnamed: N</c> (a blank header re-written) cleared.</summary>
    private static string CleanHeader(string cell)
    {
        var text = UsgsText.Clean(cell.Replace("\uFEFF", "", StringComparison.Ordinal));
        return UsgsPatterns.UnnamedPattern().IsMatch(text) ? "" : text;
    }
}
