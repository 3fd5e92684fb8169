using System.IO.Compression;
using CsvHelper;

namespace Feeds.Core.Snapshots;

/// <summary>Gzip CSV: RFC 4180, header row, invariant culture, ISO 8601 UTC timestamps, UTF-8 without BOM; null is an empty field.</summary>
public static class SnapshotCsv
{
    public static async Task WriteAsync(SnapshotSpool spool, Stream destination, CancellationToken cancellationToken)
    {
        var columns = spool.Columns();
        var gzip = new GZipStream(destination, CompressionLevel.Optimal, leaveOpen: true);
        await using var gzipDisposal = gzip.ConfigureAwait(false);
        var text = new StreamWriter(gzip, new UTF8Encoding(false), 1 << 16);
        await using var textDisposal = text.ConfigureAwait(false);
        var csv = new CsvWriter(text, CultureInfo.InvariantCulture);
        await using var csvDisposal = csv.ConfigureAwait(false);
        foreach (var column in columns)
        {
            csv.WriteField(column.Name);
        }

        await csv.NextRecordAsync().ConfigureAwait(false);
        foreach (var row in spool.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var value in row)
            {
                csv.WriteField(value is null ? "" : Format(value));
            }

            await csv.NextRecordAsync().ConfigureAwait(false);
        }
    }

    /// <summary>As the API's CSV cells, except times: UTC to the microsecond, the snapshot columns' documented form.</summary>
    public static string Format(object value) => value is DateTimeOffset t
        ? t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)
        : CsvCells.Invariant(value);
}
