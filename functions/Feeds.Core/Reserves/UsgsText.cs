namespace Feeds.Core.Reserves;

/// <summary>
/// Text rules of the USGS files: how bytes become text (UTF-8 with or without BOM, otherwise Windows-1252, which
/// the MCS 2026 file and some older ones use), how a cell is cleaned (non-breaking spaces, padding) and how a name is
/// folded for matching (case, curly apostrophes, dashes, diacritics, '&amp;').
/// </summary>
public static class UsgsText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static UsgsText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    /// <summary>Decodes a whole file held in memory and names the encoding it was read as.</summary>
    public static (string Text, string Encoding) Decode(ReadOnlySpan<byte> bytes)
    {
        using var stream = new MemoryStream(bytes.ToArray(), writable: false);
        var (reader, encoding) = Open(stream);
        using (reader)
        {
            return (reader.ReadToEnd(), encoding);
        }
    }

    /// <summary>
    /// A reader over a seekable stream, decoding lazily: a first pass checks (in chunks) whether the bytes are UTF-8,
    /// then the stream is rewound and read with the encoding found. Memory does not grow with the file.
    /// </summary>
    public static (TextReader Reader, string Encoding) Open(Stream stream)
    {
        var start = stream.Position;
        Span<byte> head = stackalloc byte[3];
        var read = stream.ReadAtLeast(head, 3, throwOnEndOfStream: false);
        stream.Position = start;
        if (read >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
        {
            stream.Position = start + 3;
            return (new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, leaveOpen: true), "utf-8-bom");
        }

        if (read >= 2 && head[0] == 0xFF && head[1] == 0xFE)
        {
            stream.Position = start + 2;
            return (new StreamReader(stream, Encoding.Unicode, detectEncodingFromByteOrderMarks: false, leaveOpen: true), "utf-16le");
        }

        if (read >= 2 && head[0] == 0xFE && head[1] == 0xFF)
        {
            stream.Position = start + 2;
            return (new StreamReader(stream, Encoding.BigEndianUnicode, detectEncodingFromByteOrderMarks: false, leaveOpen: true), "utf-16be");
        }

        var utf8 = IsUtf8(stream);
        stream.Position = start;
        // Not valid UTF-8: the MCS 2026 file and older ones are Windows-1252 (dashes 0x96/0x97, curly quotes, ½ 0xBD).
        return utf8
            ? (new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, leaveOpen: true), "utf-8")
            : (new StreamReader(stream, Windows1252, detectEncodingFromByteOrderMarks: false, leaveOpen: true), "windows-1252");
    }

    private static bool IsUtf8(Stream stream)
    {
        var decoder = StrictUtf8.GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[StrictUtf8.GetMaxCharCount(bytes.Length)];
        try
        {
            int n;
            while ((n = stream.Read(bytes, 0, bytes.Length)) > 0)
            {
                decoder.GetChars(bytes, 0, n, chars, 0, flush: false);
            }

            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>A cell as meant: non-breaking spaces become spaces, padding is trimmed.</summary>
    public static string Clean(string? cell) =>
        string.IsNullOrEmpty(cell) ? "" : cell.Replace('\u00A0', ' ').Replace('\u2007', ' ').Replace('\u202F', ' ').Trim();

    /// <summary>
    /// A name folded for matching: cleaned, lower case, curly apostrophes straight, diacritics and the BOM gone, dashes
    /// spaced hyphens, '&amp;' the word "and", space before '(' and single spaces ("Nitrogen(fixed)" = "nitrogen (fixed)").
    /// </summary>
    public static string Fold(string? name)
    {
        var text = Clean(name).Replace('\u2019', '\'').Replace('\u2018', '\'').Replace("\uFEFF", "", StringComparison.Ordinal);
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            switch (c)
            {
                case '\u2013' or '\u2014' or '\u2012' or '\u2212':
                    builder.Append(" - ");
                    break;
                case '&':
                    builder.Append(" and ");
                    break;
                case '(':
                    builder.Append(" (");
                    break;
                default:
                    builder.Append(char.ToLowerInvariant(c));
                    break;
            }
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Replace("( ", "(", StringComparison.Ordinal).Replace(" )", ")", StringComparison.Ordinal);
    }
}
