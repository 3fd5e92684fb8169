namespace Feeds.Core.Catalog;

/// <summary>
/// The policy register of data/events/events.json (embedded in Feeds.Core), validated once against the catalog: the
/// events routes serve it and the sourcing screen reads which countries restrict a mineral's exports.
/// </summary>
public sealed class PolicyRegister(CatalogService catalog)
{
    private readonly Lazy<IReadOnlyList<PolicyEvent>> _events = new(() =>
    {
        using var stream = typeof(PolicyRegister).Assembly.GetManifestResourceStream("events/" + PolicyEvents.FileName)
            ?? throw new InvalidOperationException($"{PolicyEvents.FileName} is not embedded in Feeds.Core.");
        return PolicyEvents.Load(stream, PolicyEvents.FileName, catalog.Current);
    });

    public IReadOnlyList<PolicyEvent> All => _events.Value;

    public PolicyEvent? Find(string id) => All.FirstOrDefault(e => e.Id == id);

    /// <summary>Events on the mineral, its group (dysprosium → ree), or (for a group) its members.</summary>
    public IReadOnlyList<PolicyEvent> For(string mineralId)
    {
        var related = PolicyEvents.Related(catalog.Current, mineralId);
        return [.. All.Where(e => e.Minerals.Any(related.Contains))];
    }
}
