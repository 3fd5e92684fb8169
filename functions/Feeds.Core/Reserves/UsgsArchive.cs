using System.IO.Compression;

namespace Feeds.Core.Reserves;

/// <summary>
/// Turns a fetched file into the files to parse: a ZIP archive (MCS 2022–2024 ship per-commodity CSVs with
/// <c>_meta.xml</c> files in one) gives its <c>.csv</c> entries; anything else is one file. A ZIP that cannot be read
/// is reported with the reason (quarantined by the feed), never thrown.
/// </summary>
public static class UsgsArchive
{
    public const long MaxEntryBytes = 200L * 1024 * 1024;

    public static bool IsZip(ReadOnlySpan<byte> bytes) => bytes.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]) || bytes.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x05, 0x06]);

    public static (IReadOnlyList<(string Name, byte[] Bytes)> Files, string? Error) Expand(string name, byte[] bytes)
    {
        if (!IsZip(bytes))
        {
            return ([(name, bytes)], null);
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var files = new List<(string, byte[])>();
            foreach (var entry in zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                var entryName = Path.GetFileName(entry.FullName);
                if (!entryName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || entryName.StartsWith('.') || entry.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal))
                {
                    continue; // _meta.xml, readme files, folders
                }

                if (entry.Length > MaxEntryBytes)
                {
                    return ([], $"ZIP entry '{entry.FullName}' is {entry.Length} bytes, more than a data-release file may be");
                }

                using var stream = entry.Open();
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                files.Add(($"{name}!{entryName}", buffer.ToArray()));
            }

            return (files, null);
        }
        catch (Exception ex) when (ex is InvalidDataException or NotSupportedException or IOException or ArgumentException)
        {
            return ([], $"not a readable ZIP archive: {ex.Message}");
        }
    }
}
