namespace Feeds.Core.Reserves;

/// <summary>
/// The keys stored so far in a run, across files, for the duplicate rule — compactly (a 64-bit hash of table, partition
/// and row key, a hash of the value, and where it was read), so a run over many files does not hold their rows.
/// </summary>
public sealed class UsgsSeenKeys
{
    /// <summary>What <see cref="Check"/> answers for a repeat of the same key with the same value.</summary>
    public const string Same = "";

    private readonly Dictionary<ulong, (ulong Value, int File, int Line)> _seen = [];
    private readonly List<string> _files = [];
    private readonly Dictionary<string, int> _fileIndex = new(StringComparer.Ordinal);

    public int Count => _seen.Count;

    /// <returns>null the first time a key is met; <see cref="Same"/> for a repeat with the same value; otherwise where the first value was read.</returns>
    public string? Check(string table, string partitionKey, string rowKey, string value, string file, int line)
    {
        var key = Hash64(table + "\u0001" + partitionKey + "\u0001" + rowKey);
        var valueHash = Hash64(value);
        if (_seen.TryGetValue(key, out var first))
        {
            return first.Value == valueHash ? Same : $"{_files[first.File]} line {first.Line}";
        }

        if (!_fileIndex.TryGetValue(file, out var index))
        {
            index = _files.Count;
            _files.Add(file);
            _fileIndex[file] = index;
        }

        _seen[key] = (valueHash, index, line);
        return null;
    }

    /// <summary>FNV-1a, 64 bits: stable, and collisions are negligible at the few hundred thousand keys of a run.</summary>
    private static ulong Hash64(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
