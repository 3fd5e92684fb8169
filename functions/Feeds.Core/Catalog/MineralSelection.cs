namespace Feeds.Core.Catalog;

/// <summary>
/// Which minerals are on every one of the named lists, under a counting rule. The overlap figures quoted in the
/// India–US debate ("26 common critical minerals") come out of this, computed from the data, never written down.
/// </summary>
public static class MineralSelection
{
    public static IReadOnlyList<SelectedMineral> Select(
        IReadOnlyList<Mineral> minerals,
        IReadOnlyList<CriticalMineralList> lists,
        IReadOnlyList<string> listIds,
        ListCounting counting)
    {
        var byId = minerals.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var chosen = listIds.Select(id => lists.Single(l => l.Id == id)).ToList();
        if (chosen.Count == 0)
        {
            chosen = [.. lists];
        }

        // For each list: item id -> the published entry names that put it there.
        var perList = chosen.Select(l => (List: l, Items: ItemsOf(l, byId, counting))).ToList();

        IEnumerable<string> ids = listIds.Count == 0
            ? minerals.Where(m => counting == ListCounting.Published || Counts(m, counting)).Select(m => m.Id)
            : perList.Select(p => (IEnumerable<string>)p.Items.Keys).Aggregate((a, b) => a.Intersect(b, StringComparer.Ordinal));

        var ordered = counting == ListCounting.Published && chosen.Count == 1 && listIds.Count == 1
            ? chosen[0].Entries.Select(e => e.Mineral).Where(ids.ToHashSet(StringComparer.Ordinal).Contains)
            : ids.Order(StringComparer.Ordinal);

        return [.. ordered.Select(id => new SelectedMineral(byId[id], Listed(byId[id], chosen)))];
    }

    /// <summary>
    /// One rule for <c>listed</c>, whatever the query and counting: a list's published entries that cover the mineral —
    /// the mineral itself, its group (India's "REE" covers cerium) or its members (the US's "Cerium" covers ree).
    /// </summary>
    public static IReadOnlyList<ListMatch> Listed(Mineral mineral, IEnumerable<CriticalMineralList> lists) =>
        [.. lists.Select(l => new ListMatch(l.Id, [.. l.Entries
                .Where(e => e.Mineral == mineral.Id || e.Mineral == mineral.Group || mineral.Members.Contains(e.Mineral))
                .Select(e => e.Name)]))
            .Where(m => m.As.Count > 0)];

    /// <summary>Whether a mineral is an item of its own under the rule (groups under group counting, elements under element counting).</summary>
    private static bool Counts(Mineral mineral, ListCounting counting) => counting switch
    {
        ListCounting.Group => mineral.Group is null,
        ListCounting.Element => !mineral.IsGroup,
        _ => true,
    };

    private static Dictionary<string, List<string>> ItemsOf(
        CriticalMineralList list, Dictionary<string, Mineral> byId, ListCounting counting)
    {
        var items = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var entry in list.Entries)
        {
            var mineral = byId.GetValueOrDefault(entry.Mineral);
            IEnumerable<string> targets = (counting, mineral) switch
            {
                (ListCounting.Group, { Group: { } group }) => [group],
                (ListCounting.Element, { IsGroup: true, Members: var members }) => members,
                _ => [entry.Mineral],
            };

            foreach (var target in targets)
            {
                if (!items.TryGetValue(target, out var names))
                {
                    items[target] = names = [];
                }

                names.Add(entry.Name);
            }
        }

        return items;
    }
}
