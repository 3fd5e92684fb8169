using System.ComponentModel;

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

    [Description("UN Comtrade API base URL (a mirror or stand-in when set).")]
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    [Description("Comtrade subscription key; none: the public preview endpoint (500 records a call). In Azure, a Key Vault reference.")]
    public string? SubscriptionKey { get; set; }

    [Description("Reporter ISO3 codes, ';'-separated.")]
    public string Reporters { get; set; } = "IND;USA";

    [Description("First year pulled; none: four years before ToYear.")]
    public int? FromYear { get; set; }

    [Description("Last year pulled; none: last calendar year.")]
    public int? ToYear { get; set; }

    [Description("Client-side rate limit for Comtrade calls (requests queue).")]
    public double RequestsPerSecond { get; set; } = 1;

    [Description("Comtrade calls this deployment allows itself per UTC day (the free tier allows about 500).")]
    public int DailyCallQuota { get; set; } = 450;

    public IEnumerable<string> Problems()
    {
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out _))
        {
            yield return $"{Section}:BaseUrl must be an absolute URL; got '{BaseUrl}'.";
        }

        if (RequestsPerSecond <= 0)
        {
            yield return $"{Section}:RequestsPerSecond must be positive.";
        }

        if (DailyCallQuota <= 0)
        {
            yield return $"{Section}:DailyCallQuota must be positive.";
        }

        foreach (var reporter in ReporterList.Where(r => !Identifiers.Iso3().IsMatch(r)))
        {
            yield return $"{Section}:Reporters holds '{reporter}', which is not an ISO3 code.";
        }

        foreach (var (name, year) in new[] { (nameof(FromYear), FromYear), (nameof(ToYear), ToYear) })
        {
            if (year is < Identifiers.FirstYear or > Identifiers.LastYear)
            {
                yield return $"{Section}:{name} must be a year from {Identifiers.FirstYear} to {Identifiers.LastYear}; got {year}.";
            }
        }

        if (FromYear > ToYear)
        {
            yield return $"{Section}:FromYear {FromYear} is after ToYear {ToYear}.";
        }
    }

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
