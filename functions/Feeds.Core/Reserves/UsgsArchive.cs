using System.IO.Compression;

namespace Feeds.Core.Reserves;

/// <summary>
/// Turns a fetched file into the files to parse: a ZIP archive (MCS 2022–2024 ship per-commodity CSVs with
/// <c>_meta.xml</c> files in one) gives its <c>.csv</c> entries, one at a time, each copied to a temporary file so it
/// can be read twice (encoding, then records) without holding it in memory; anything else is one file. A ZIP that
/// cannot be read is reported with the reason (quarantined by the feed), never thrown.
/// </summary>
public static class UsgsArchive
{
    public const long MaxEntryBytes = 200L * 1024 * 1024;

    public static bool IsZip(ReadOnlySpan<byte> bytes) => bytes.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]) || bytes.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x05, 0x06]);

    /// <summary>The files of a fetched body (a seekable stream), each a stream the caller disposes; the error, if the ZIP cannot be read.</summary>
    public static (IEnumerable<(string Name, Stream Content)> Files, string? Error) Expand(string name, Stream content)
    {
        Span<byte> head = stackalloc byte[4];
        var read = content.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        content.Position = 0;
        if (!IsZip(head[..read]))
        {
            return ([(name, content)], null);
        }

        try
        {
            var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var entries = zip.Entries
                .Where(e => Path.GetFileName(e.FullName) is var n && n.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !n.StartsWith('.') && !e.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal))
                .OrderBy(e => e.FullName, StringComparer.Ordinal).ToList();
            if (entries.FirstOrDefault(e => e.Length > MaxEntryBytes) is { } large)
            {
                zip.Dispose();
                return ([], $"ZIP entry '{large.FullName}' is {large.Length} bytes, more than a data-release file may be");
            }

            return (Entries(name, zip, entries), null);
        }
        catch (Exception ex) when (ex is InvalidDataException or NotSupportedException or IOException or ArgumentException)
        {
            return ([], $"not a readable ZIP archive: {ex.Message}");
        }
    }

    private static IEnumerable<(string, Stream)> Entries(string name, ZipArchive zip, List<ZipArchiveEntry> entries)
    {
        using (zip)
        {
            foreach (var entry in entries)
            {
                var file = UsgsTempFile.Create();
                using (var stream = entry.Open())
                {
                    stream.CopyTo(file);
                }

                file.Position = 0;
                yield return ($"{name}!{Path.GetFileName(entry.FullName)}", file);
            }
        }
    }
}
