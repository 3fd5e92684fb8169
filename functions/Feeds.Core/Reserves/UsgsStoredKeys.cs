namespace Feeds.Core.Reserves;

/// <summary>The keys one file stored, per table: what its stale-row deletion keeps.</summary>
public sealed class UsgsStoredKeys
{
    private readonly Dictionary<string, HashSet<(string, string)>> _keys = new(StringComparer.Ordinal);

    public void Add(string table, IEnumerable<TableEntity> entities)
    {
        if (!_keys.TryGetValue(table, out var keys))
        {
            _keys[table] = keys = [];
        }

        keys.UnionWith(entities.Select(e => (e.PartitionKey, e.RowKey)));
    }

    public IReadOnlySet<(string, string)> Keys(string table) => _keys.TryGetValue(table, out var keys) ? keys : new HashSet<(string, string)>();

    public IEnumerable<string> Partitions(string table) =>
        _keys.TryGetValue(table, out var keys) ? keys.Select(k => k.Item1).Distinct(StringComparer.Ordinal) : [];
}
