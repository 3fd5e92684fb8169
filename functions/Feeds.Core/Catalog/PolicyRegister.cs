namespace Feeds.Core.Catalog;

/// <summary>
/// The policy events of data/events/events.json (embedded in Feeds.Core), validated once against the catalog: the
/// events route serves them and the sourcing screen reads which countries control a mineral's exports.
/// </summary>
public sealed class PolicyRegister(CatalogService catalog)
{
    private readonly Lazy<IReadOnlyList<PolicyEvent>> _events = new(() =>
    {
        using var stream = typeof(PolicyRegister).Assembly.GetManifestResourceStream("events/" + PolicyEvents.FileName)
            ?? throw new InvalidOperationException($"{PolicyEvents.FileName} is not embedded in Feeds.Core.");
        return PolicyEvents.Load(stream, PolicyEvents.FileName, catalog.Current.Minerals.Select(m => m.Id).ToHashSet(StringComparer.Ordinal));
    });

    public IReadOnlyList<PolicyEvent> All => _events.Value;

    /// <summary>Events on the mineral, its group (dysprosium → ree), or (for a group) its members.</summary>
    public IReadOnlyList<PolicyEvent> For(string mineralId)
    {
        var mineral = catalog.Current.Mineral(mineralId);
        var related = new HashSet<string>(StringComparer.Ordinal) { mineralId };
        if (mineral?.Group is { } group)
        {
            related.Add(group);
        }

        foreach (var member in mineral?.Members ?? [])
        {
            related.Add(member);
        }

        return [.. All.Where(e => e.Minerals.Any(related.Contains))];
    }
}
