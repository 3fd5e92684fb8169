namespace Feeds.Core.Storage;

/// <summary>
/// The feed tables, by logical name. Clients are cached: the Azure SDK clients are thread-safe singletons.
/// </summary>
public sealed class FeedTables(TableServiceClient service, IOptions<FeedsStorageOptions> options)
{
    // The catalog's, the pipeline's, the datasets'.
    public const string Minerals = "Minerals", Countries = "Countries";
    public const string FeedRuns = "FeedRuns", FeedCheckpoints = "FeedCheckpoints", Quarantine = "Quarantine";
    public const string TradeFlows = "TradeFlows", Reserves = "Reserves", Salient = "Salient", Indicators = "Indicators";

    public static IReadOnlyList<string> AllNames { get; } = [Minerals, Countries, FeedRuns, FeedCheckpoints, Quarantine, TradeFlows, Reserves, Salient, Indicators];

    private readonly Dictionary<string, TableClient> _clients = AllNames.ToDictionary(
        name => name,
        name => service.GetTableClient(PhysicalName(options.Value.TablePrefix, name)),
        StringComparer.Ordinal);

    public TableClient Get(string logicalName) =>
        _clients.TryGetValue(logicalName, out var client)
            ? client
            : throw new ArgumentOutOfRangeException(nameof(logicalName), logicalName, "Not a feed table.");

    public static string PhysicalName(string prefix, string logicalName)
    {
        if (prefix.Length > 0 && !prefix.All(char.IsAsciiLetterOrDigit))
        {
            throw new InvalidOperationException(
                $"Feeds:Storage:TablePrefix '{prefix}' may hold only ASCII letters and digits (a table name's rule).");
        }

        return prefix + logicalName;
    }

    private Task? _created;

    /// <summary>Creates every table that does not exist yet (once per process; again after a failure).</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        var created = _created;
        if (created is { IsFaulted: false, IsCanceled: false })
        {
            return created;
        }

        return _created = CreateAllAsync(cancellationToken);
    }

    private async Task CreateAllAsync(CancellationToken cancellationToken)
    {
        foreach (var client in _clients.Values)
        {
            await client.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>True for the error a read gets before any feed has created the table.</summary>
    public static bool IsTableNotFound(Exception exception) =>
        exception is Azure.RequestFailedException { Status: 404, ErrorCode: "TableNotFound" };
}
