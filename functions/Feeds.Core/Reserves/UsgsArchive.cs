using System.IO.Compression;

namespace Feeds.Core.Reserves;

/// <summary>
/// Turns a fetched file into the files to parse: a ZIP archive (MCS 2022–2024 ship per-commodity CSVs with
/// <c>_meta.xml</c> files in one) gives its <c>.csv</c> entries, one at a time, each copied to a temporary file so it
/// can be read twice (encoding, then records) without holding it in memory; anything else is one file. A ZIP that
/// cannot be read, or that holds too many entries or declares an entry too large, is reported with the reason
/// (quarantined by the feed), never thrown: the entry count, each declared size and their sum are capped
/// (<see cref="UsgsArchiveLimits"/>), so many honest-looking entries cannot add up to a disk-filling archive. The reader
/// stops an entry at its declared size (a forged small size yields a truncated file that fails to parse); and every
/// entry is decompressed through a counter as well, so an entry that inflates past the caps anyway stops with
/// <see cref="InvalidDataException"/>, which fails the slice.
/// </summary>
public static class UsgsArchive
{
    public static bool IsZip(ReadOnlySpan<byte> bytes) => bytes.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]) || bytes.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x05, 0x06]);

    /// <summary>The files of a fetched body (a seekable stream), each a stream the caller disposes; the error, if the ZIP cannot be read.</summary>
    public static (IEnumerable<(string Name, Stream Content)> Files, string? Error) Expand(string name, Stream content, UsgsArchiveLimits? limits = null)
    {
        limits ??= UsgsArchiveLimits.Default;
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
            var count = zip.Entries.Count;
            if (count > limits.Entries)
            {
                zip.Dispose();
                return ([], $"ZIP holds {count} entries, more than the {limits.Entries} a data release may have");
            }

            var entries = zip.Entries
                .Where(e => Path.GetFileName(e.FullName) is var n && n.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !n.StartsWith('.') && !e.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal))
                .OrderBy(e => e.FullName, StringComparer.Ordinal).ToList();
            if (entries.FirstOrDefault(e => e.Length > limits.EntryBytes) is { } large)
            {
                zip.Dispose();
                return ([], $"ZIP entry '{large.FullName}' is {large.Length} bytes, more than a data-release file may be");
            }

            // The reader stops each entry at its declared size, so the declared sum bounds what extraction writes.
            var declared = entries.Sum(e => e.Length);
            if (declared > limits.TotalBytes)
            {
                zip.Dispose();
                return ([], $"ZIP entries add up to {declared} bytes, more than the {limits.TotalBytes} a data release may expand to");
            }

            return (Entries(name, zip, entries, limits), null);
        }
        catch (Exception ex) when (ex is InvalidDataException or NotSupportedException or IOException or ArgumentException)
        {
            return ([], $"not a readable ZIP archive: {ex.Message}");
        }
    }

    private static IEnumerable<(string, Stream)> Entries(string name, ZipArchive zip, List<ZipArchiveEntry> entries, UsgsArchiveLimits limits)
    {
        using (zip)
        {
            long total = 0;
            foreach (var entry in entries)
            {
                var file = UsgsTempFile.Create();
                try
                {
                    using var stream = entry.Open();
                    total += CopyBounded(stream, file, Math.Min(limits.EntryBytes, limits.TotalBytes - total), entry, limits);
                }
                catch
                {
                    file.Dispose();
                    throw;
                }

                file.Position = 0;
                yield return ($"{name}!{Path.GetFileName(entry.FullName)}", file);
            }
        }
    }

    /// <summary>Copies at most <paramref name="allowed"/> bytes; one more means the entry inflates past its limits.</summary>
    private static long CopyBounded(Stream from, Stream to, long allowed, ZipArchiveEntry entry, UsgsArchiveLimits limits)
    {
        var buffer = new byte[81920];
        long copied = 0;
        int read;
        while ((read = from.Read(buffer, 0, (int)Math.Min(buffer.Length, allowed - copied + 1))) > 0)
        {
            copied += read;
            if (copied > allowed)
            {
                throw new InvalidDataException(
                    $"ZIP entry '{entry.FullName}' (declared {entry.Length} bytes) inflates past {limits.EntryBytes} bytes for one entry or " +
                    $"{limits.TotalBytes} for the archive: not a data-release file (a ZIP bomb or a forged header); nothing more of it was read.");
            }

            to.Write(buffer, 0, read);
        }

        return copied;
    }
}

/// <summary>How much a ZIP may expand to: per entry, in all, and how many entries it may hold.</summary>
public sealed record UsgsArchiveLimits(long EntryBytes, long TotalBytes, int Entries)
{
    public const long DefaultEntryBytes = 200L * 1024 * 1024;

    /// <summary>A data release is a few MB of CSV in a few hundred entries; these leave a wide margin.</summary>
    public static UsgsArchiveLimits Default { get; } = new(DefaultEntryBytes, 1024L * 1024 * 1024, 10_000);
}
