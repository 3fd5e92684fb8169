namespace Feeds.Core.Storage;

/// <summary>
/// Table Storage keeps strings up to 64 KiB as UTF-16: long texts are cut to stay under it. Logs quote at most an
/// excerpt of text a source or a queue sent.
/// </summary>
public static class TextLimits
{
    public const int MaxText = 32_000, MaxExcerpt = 300;

    public static string Excerpt(string value) => value.Length <= MaxExcerpt ? value : value[..MaxExcerpt];

    public static string Truncate(string value) => value.Length <= MaxText ? value : value[..MaxText];

    public static string? TruncateOrNull(string? value) => value is null ? null : Truncate(value);
}
