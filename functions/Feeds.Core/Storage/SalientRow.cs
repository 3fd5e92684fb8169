using System.Text.Json.Serialization;

namespace Feeds.Core.Storage;

/// <summary>
/// One US salient figure of an MCS edition, as data: a statistic (net import reliance, imports, production, prices …)
/// for a period, or an import source (a partner's share of US imports, or its rank where USGS lists sources without
/// shares). The value stays as published beside its reading (a bound stays a bound, <c>E</c> is "net exporter"), in
/// the unit as published (salient figures are not converted).
/// </summary>
/// <param name="Kind"><see cref="StatisticKind"/> or <see cref="ImportSourceKind"/>.</param>
/// <param name="Statistic">A slug: <c>net-import-reliance</c>, <c>imports</c>, <c>exports</c>, <c>production</c>, <c>consumption</c>, <c>price</c>, … or <c>import-share</c>.</param>
/// <param name="Label">The statistic as published (a 2026 <c>Statistics_detail</c>, a 2025 column name).</param>
/// <param name="Product">A slug of the product the figure is about (<c>main</c> when the label names none).</param>
/// <param name="Period">The period as published (<c>2024</c>, <c>2021–24</c>, <c>2020-2023</c>).</param>
/// <param name="Year">The period's last year.</param>
/// <remarks>Also the item of <c>GET /api/salient</c>: the mineral is the query's, the column is internal.</remarks>
public sealed record SalientRow(
    [property: JsonIgnore] string MineralId,
    string Commodity,
    string Edition,
    string Kind,
    string Statistic,
    string Label,
    string Product,
    string Period,
    int Year,
    string? PartnerKey,
    string? PartnerIso3,
    [property: JsonPropertyName("partner")] string? PartnerName,
    string? PartnerPublished,
    double? Value,
    double? ValueHigh,
    string Qualifier,
    string ValuePublished,
    string? Unit,
    bool Estimated,
    int? Rank,
    string? Notes,
    string? Correction,
    string SourceFile,
    int SourceLine,
    [property: JsonIgnore] string Column)
{
    /// <summary>The two kinds of row.</summary>
    public const string StatisticKind = "statistic", ImportSourceKind = "import-source";

    /// <summary>The statistic slugs other slices read (the indicators' net import reliance; the import sources' figures).</summary>
    public const string NetImportReliance = "net-import-reliance", ImportShare = "import-share", ImportRank = "import-rank";

    /// <summary>Always false: USGS figures are real data, and every item says so like the rows of other routes.</summary>
    public bool IsSample { get; }
}
