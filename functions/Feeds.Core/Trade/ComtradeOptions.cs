namespace Feeds.Core.Trade;

/// <summary>The Comtrade feed's settings (<c>Feeds:Comtrade</c>); every key is listed in docs/configuration.md.</summary>
public sealed class ComtradeOptions
{
    public const string Section = "Feeds:Comtrade";
    public const string DefaultBaseUrl = "https://comtradeapi.un.org";

    /// <summary>Without a key the public preview answers at most this many records per call.</summary>
    public const int PreviewRecordCap = 500;

    /// <summary>What a keyed call asks for (<c>maxRecords</c>); the free tier serves up to 100,000 rows a call.</summary>
    public const int KeyedRecordCap = 100_000;

    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>None: the public preview endpoint. In Azure, a Key Vault reference resolved by the platform.</summary>
    public string? SubscriptionKey { get; set; }

    /// <summary>ISO3 codes, <c>;</c>-separated.</summary>
    public string Reporters { get; set; } = "IND;USA";

    /// <summary>First year pulled; default four years before <see cref="ToYear"/>.</summary>
    public int? FromYear { get; set; }

    /// <summary>Last year pulled; default last calendar year.</summary>
    public int? ToYear { get; set; }

    /// <summary>Client-side rate limit; requests queue rather than fail.</summary>
    public double RequestsPerSecond { get; set; } = 1;

    /// <summary>Calls per UTC day this deployment allows itself (the free tier allows about 500).</summary>
    public int DailyCallQuota { get; set; } = 450;

    public IReadOnlyList<string> ReporterList =>
        [.. Reporters.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(r => r.ToUpperInvariant()).Distinct()];

    public bool HasKey => !string.IsNullOrWhiteSpace(SubscriptionKey);

    /// <summary>A Key Vault reference the platform did not resolve arrives as its literal text: a configuration error.</summary>
    public bool KeyIsUnresolvedReference =>
        SubscriptionKey?.TrimStart().StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase) == true;

    public (int From, int To) Years(DateTimeOffset now)
    {
        var to = ToYear ?? now.Year - 1;
        var from = FromYear ?? to - 4;
        return from <= to ? (from, to) : throw new InvalidOperationException($"Feeds:Comtrade:FromYear {from} is after ToYear {to}.");
    }
}
