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

    [Description("Hosts the subscription key may be sent to, ';'-separated: over https only, or over plain http to a loopback host named here (a test's stand-in). A key with a BaseUrl elsewhere stops the host on start.")]
    public string KeyHosts { get; set; } = "comtradeapi.un.org";

    [Description("Reporter ISO3 codes, ';'-separated. China is the supply side of every dependence question.")]
    public string Reporters { get; set; } = "IND;USA;CHN";

    [Description("Frequencies pulled, ';'-separated: A (annual) and/or M (monthly).")]
    public string Frequencies { get; set; } = "A;M";

    [Description("Months of monthly data pulled: the last N complete months (FromYear/ToYear add their months as a backfill).")]
    public int MonthlyWindowMonths { get; set; } = 36;

    [Description("ISO3 codes whose mirror flows are pulled, ';'-separated: every partner's reported trade with them.")]
    public string MirrorOf { get; set; } = "IND;USA";

    [Description("Longest a run may take (hh:mm:ss); the slices left run first next time. Under the Functions timeout.")]
    public TimeSpan RunBudget { get; set; } = TimeSpan.FromMinutes(25);

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

        if (HasKey && Uri.TryCreate(BaseUrl, UriKind.Absolute, out var baseUrl) && !KeyAllowedFor(baseUrl))
        {
            yield return $"{Section}:BaseUrl '{BaseUrl}' is not where the subscription key may go: it is sent only over https to {Section}:KeyHosts " +
                         $"({KeyHosts}), or over http to a loopback host listed there. Add the mirror's host to KeyHosts if it is yours, or remove the key.";
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

        foreach (var mirror in MirrorList.Where(r => !Identifiers.Iso3().IsMatch(r)))
        {
            yield return $"{Section}:MirrorOf holds '{mirror}', which is not an ISO3 code.";
        }

        foreach (var frequency in Split(Frequencies).Where(f => f is not ("A" or "M")))
        {
            yield return $"{Section}:Frequencies holds '{frequency}'; it takes A (annual) and M (monthly).";
        }

        if (FrequencyList.Count == 0)
        {
            yield return $"{Section}:Frequencies names no frequency; it takes A, M or A;M.";
        }

        if (MonthlyWindowMonths is < 1 or > 240)
        {
            yield return $"{Section}:MonthlyWindowMonths must be from 1 to 240; got {MonthlyWindowMonths}.";
        }

        if (RunBudget <= TimeSpan.Zero)
        {
            yield return $"{Section}:RunBudget must be positive; got {RunBudget}.";
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

    public IReadOnlyList<string> ReporterList => Split(Reporters);

    public IReadOnlyList<string> MirrorList => Split(MirrorOf);

    /// <summary>The frequencies pulled, annual first.</summary>
    public IReadOnlyList<string> FrequencyList => [.. Split(Frequencies).Where(f => f is "A" or "M").Order(StringComparer.Ordinal)];

    /// <summary>
    /// The months of monthly data (<c>yyyymm</c>, oldest first): the last <see cref="MonthlyWindowMonths"/> complete
    /// months before <paramref name="now"/>, and every month of FromYear–ToYear when either is set (a backfill).
    /// Months not yet published come back empty, and stay absent rather than zero.
    /// </summary>
    public IReadOnlyList<int> Months(DateTimeOffset now)
    {
        var last = new DateOnly(now.Year, now.Month, 1).AddMonths(-1);
        var window = Enumerable.Range(0, MonthlyWindowMonths).Select(i => last.AddMonths(i - MonthlyWindowMonths + 1)).Select(d => (d.Year * 100) + d.Month);
        if (FromYear is null && ToYear is null)
        {
            return [.. window];
        }

        // Set years are a backfill: their months too, besides the recent window.
        var (from, to) = Years(now);
        var years = Enumerable.Range(from, to - from + 1).SelectMany(y => Enumerable.Range(1, 12).Select(m => (y * 100) + m));
        return [.. window.Union(years).Where(m => m <= (last.Year * 100) + last.Month).Order()];
    }

    /// <summary>
    /// These options narrowed by an operator's request: its years replace FromYear/ToYear (a backfill, months
    /// included), its reporters the reporters, and mirror flows are pulled only for those of them that are mirrored.
    /// </summary>
    public ComtradeOptions Scoped(FeedRunRequest request)
    {
        var scoped = (ComtradeOptions)MemberwiseClone();
        scoped.FromYear = request.From ?? FromYear;
        scoped.ToYear = request.To ?? ToYear;
        if (request.Reporters is { } reporters)
        {
            scoped.Reporters = string.Join(';', reporters);
            scoped.MirrorOf = string.Join(';', MirrorList.Where(m => reporters.Contains(m, StringComparer.OrdinalIgnoreCase)));
        }

        return scoped;
    }

    private static List<string> Split(string value) =>
        [.. value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(r => r.ToUpperInvariant()).Distinct()];

    public bool HasKey => !string.IsNullOrWhiteSpace(SubscriptionKey);

    /// <summary>
    /// Whether the key may travel with a request to <paramref name="url"/>: its host is in <see cref="KeyHosts"/>, and the
    /// scheme is https, or http to a loopback address (a stand-in on this machine).
    /// </summary>
    public bool KeyAllowedFor(Uri url)
    {
        var listed = Split(KeyHosts).Contains(url.Host.ToUpperInvariant());
        return listed && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback));
    }

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
