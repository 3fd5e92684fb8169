namespace Feeds.Core.Reserves;

/// <summary>
/// Text rules of the USGS files: how bytes become text (UTF-8 with or without BOM, otherwise Windows-1252, which
/// the MCS 2025 file and some older ones use) and how a cell is cleaned (non-breaking spaces, padding).
/// </summary>
public static class UsgsText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static UsgsText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    /// <summary>Decodes a file and names the encoding it was read as.</summary>
    public static (string Text, string Encoding) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (new UTF8Encoding(false).GetString(bytes[3..]), "utf-8-bom");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode.GetString(bytes[2..]), "utf-16le");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be");
        }

        try
        {
            return (StrictUtf8.GetString(bytes), "utf-8");
        }
        catch (DecoderFallbackException)
        {
            // Not valid UTF-8: the older USGS files and MCS 2025 are Windows-1252 (curly quotes 0x93/0x94, ½ 0xBD).
            return (Windows1252.GetString(bytes), "windows-1252");
        }
    }

    /// <summary>A cell as meant: non-breaking spaces become spaces, padding is trimmed.</summary>
    public static string Clean(string? cell) =>
        string.IsNullOrEmpty(cell) ? "" : cell.Replace('\u00A0', ' ').Replace('\u2007', ' ').Replace('\u202F', ' ').Trim();
}
