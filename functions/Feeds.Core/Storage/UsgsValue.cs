namespace Feeds.Core.Storage;

/// <summary>
/// A published cell read without guessing: its qualifier, the number it states (in the column's unit; a bound's
/// bound), and the cell as published. <see cref="Error"/> is set when the cell cannot be read; it goes to quarantine.
/// </summary>
public sealed record UsgsValue(string Qualifier, decimal? Number, string Published, string? Error = null)
{
    public bool IsReadable => Error is null;
}
