namespace Feeds.Core.Reserves;

/// <summary>
/// One CSV record: the physical line it starts on, its fields, and its raw text. <see cref="Malformed"/> is set when a
/// quoted field never closes; the record then holds only its first physical line, and reading goes on after it.
/// </summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, string Raw, bool Malformed)
{
    public bool IsBlank => Fields.All(f => UsgsText.Clean(f).Length == 0);
}
