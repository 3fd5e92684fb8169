namespace Feeds.Core.Storage;

/// <summary>
/// A published cell read without guessing: its qualifier, the number it states (in the column's unit; a bound's
/// bound; a range's low end, with <see cref="High"/> its high end), and the cell as published. <see cref="Error"/> is
/// set when the cell cannot be read; it goes to quarantine.
/// </summary>
public sealed record UsgsValue(string Qualifier, decimal? Number, string Published, string? Error = null, decimal? High = null)
{
    public bool IsReadable => Error is null;
}
