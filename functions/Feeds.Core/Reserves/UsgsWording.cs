namespace Feeds.Core.Reserves;

/// <summary>
/// What the production / capacity / reserves wordings say (a 2022–2025 <c>Type</c>, a 2026 <c>Statistics_detail</c>
/// and section title): the stage, the measure, the product words and the basis. Nothing here rejects a wording: an
/// unknown wording is its own product slug, a production with no stage is measure <c>production</c>.
/// </summary>
public static class UsgsWording
{
    /// <summary>Stage phrases (typos as USGS published them), longest first.</summary>
    private static readonly (string Phrase, string Stage)[] StagePhrases =
    [
        ("sponge metal production", "sponge"), ("mine production", "mine"), ("mne production", "mine"), ("mine poduction", "mine"),
        ("refinery production", "refinery"), ("smelter production", "smelter"), ("plant production", "plant"),
        ("primary production", "primary"), ("primary and secondary refinery production", "refinery"),
    ];

    /// <summary>Words that say what kind of figure it is, not what it is of.</summary>
    private static readonly HashSet<string> NoiseParts = new(StringComparer.Ordinal)
    {
        "", "production", "capacity", "reserves", "rounded", "estimated", "reported", "total", "all types", "all forms",
        "global", "global production", "global capacity", "production capacity", "yearend capacity", "refinery capacity",
        "smelter capacity", "plant capacity", "capacity, estimated", "total (rounded)", "mine", "refinery", "smelter", "plant",
        "metric tons", "thousand metric tons", "million metric tons", "kilograms", "thousand metric dry tons", "million liters",
        "million cubic meters", "thousand carats", "million carats", "thousands of carats",
        "thousand", "million", "metric", "tons", "kilograms", "carats", "liters",
    };

    /// <summary>Products under several spellings, and the slug every edition uses for them.</summary>
    private static readonly Dictionary<string, string> Canonical = new(StringComparer.Ordinal)
    {
        ["ferrosilicon"] = "ferrosilicon", ["ferosilicon"] = "ferrosilicon",
        ["silicon metal"] = "silicon-metal", ["sponge"] = "sponge-metal", ["sponge metal"] = "sponge-metal",
        ["titanium sponge metal"] = "sponge-metal", ["pigment"] = "tio2-pigment", ["tio2 pigment"] = "tio2-pigment",
        ["ore"] = "ore", ["recoverable ore"] = "ore", ["k2o equiv"] = "main", ["ore k2o equiv"] = "main",
    };

    /// <summary>The stage a wording names, or null.</summary>
    public static string? Stage(string wording)
    {
        var text = UsgsText.Fold(wording);
        foreach (var (phrase, stage) in StagePhrases.OrderByDescending(p => p.Phrase.Length))
        {
            if (text.Contains(phrase, StringComparison.Ordinal))
            {
                return stage;
            }
        }

        return null;
    }

    /// <summary>The stage an MCS 2026 world section title names ("World Smelter Production and Capacity" → smelter), or null.</summary>
    public static string? StageOfSection(string section)
    {
        var text = UsgsText.Fold(section);
        return text switch
        {
            _ when text.Contains("sponge metal", StringComparison.Ordinal) => "sponge",
            _ when text.Contains("smelter", StringComparison.Ordinal) => "smelter",
            _ when text.Contains("primary production", StringComparison.Ordinal) || text.Contains("low-purity production", StringComparison.Ordinal) => "primary",
            _ when text.Contains("refinery", StringComparison.Ordinal) && !text.Contains("mine", StringComparison.Ordinal) => "refinery",
            _ when text.Contains("ammonia", StringComparison.Ordinal) => "plant",
            _ when text.Contains("mine", StringComparison.Ordinal) => "mine",
            _ => null,
        };
    }

    /// <summary>The production measure of a stage: mine, refinery (refinery, smelter, plant, sponge, primary), or unstated.</summary>
    public static string ProductionMeasure(string? stage) => stage switch
    {
        null => UsgsMeasure.Production,
        "mine" => UsgsMeasure.MineProduction,
        _ => UsgsMeasure.RefineryProduction,
    };

    /// <summary>
    /// A wording split into its product words and its basis: parts are cut at commas, colons, semicolons and dashes;
    /// stage phrases, figure words ("production", "rounded"), units and the commodity's own names are dropped; parts that
    /// state a basis ("lithium content", "rare-earth-oxide equivalent", "gross weight", "dry tons") are the basis; the
    /// rest are product words.
    /// </summary>
    public static (string Product, string? Basis) Split(string wording, IEnumerable<string> commodityNames)
    {
        var names = commodityNames.ToList();
        var key = wording + "\u0001" + string.Join('\u0001', names);
        lock (SplitCache)
        {
            if (SplitCache.TryGetValue(key, out var known))
            {
                return known;
            }
        }

        var split = SplitUncached(wording, names);
        lock (SplitCache)
        {
            // Wordings repeat on every row of a table; the cache stays small (a few thousand wordings per release).
            if (SplitCache.Count > 50_000)
            {
                SplitCache.Clear();
            }

            SplitCache[key] = split;
        }

        return split;
    }

    private static readonly Dictionary<string, (string, string?)> SplitCache = new(StringComparer.Ordinal);

    private static (string Product, string? Basis) SplitUncached(string wording, IEnumerable<string> commodityNames)
    {
        var names = commodityNames.Select(UsgsText.Fold).Where(n => n.Length > 0).SelectMany(n => new[] { n, n.TrimEnd('s') }).Distinct(StringComparer.Ordinal).ToList();
        var products = new List<string>();
        var bases = new List<string>();
        // Em and en dashes separate like commas ("Production—crude ore"); hyphens inside words stay ("rare-earth-oxide").
        var text = UsgsText.Clean(wording).Replace('\u2014', ',').Replace('\u2013', ',');
        foreach (var raw in UsgsPatterns.Separators().Split(text))
        {
            var part = string.Join(' ', raw.Trim().TrimEnd('.').Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries));
            var folded = UsgsText.Fold(part);
            foreach (var (phrase, stage) in StagePhrases)
            {
                var at = folded.IndexOf(phrase, StringComparison.Ordinal);
                if (at >= 0 && folded.Length == part.Length)
                {
                    part = (part[..at] + " " + part[(at + phrase.Length)..]).Trim();
                    folded = UsgsText.Fold(part);
                    // Sponge metal production is the stage and the product at once (titanium).
                    if (stage == "sponge")
                    {
                        products.Add("sponge metal");
                    }
                }
            }

            if (NoiseParts.Contains(folded) || names.Contains(folded))
            {
                continue;
            }

            if (Canonical.ContainsKey(folded))
            {
                products.Add(part);
                continue;
            }

            // "silicon content of ferrosilicon": the basis, then the product it is of.
            var contentOf = UsgsPatterns.ContentOf().Match(part);
            if (contentOf.Success)
            {
                bases.Add(contentOf.Groups["basis"].Value.Trim());
                part = contentOf.Groups["product"].Value.Trim();
                folded = UsgsText.Fold(part);
            }
            else if (UsgsPatterns.BasisPattern().IsMatch(folded))
            {
                bases.Add(part);
                continue;
            }

            // "magnesium smelter" → the commodity's name plus a stage word; "bauxite reserves" → the product.
            var words = part.Replace('(', ' ').Replace(')', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !NoiseParts.Contains(UsgsText.Fold(w)) && !names.Contains(UsgsText.Fold(w))).ToList();
            if (words.Count > 0)
            {
                products.Add(string.Join(' ', words));
            }
        }

        var joined = UsgsText.Fold(string.Join(' ', products));
        var product = products.Count == 0 ? "main" : Canonical.TryGetValue(joined, out var known) ? known : Slug(joined);
        return (product.Length == 0 ? "main" : product, bases.Count == 0 ? null : string.Join(", ", bases));
    }

    /// <summary>
    /// Whether a wording's product is a product series: only when the table has at least two series with World totals
    /// of their own (chromium ore / Cr2O3 content) and this is one of them. One series alone is the mineral's "main"
    /// whatever its wording ("Zirconium mineral concentrates" in 2026 is what 2025 calls "Mine production, zirconium").
    /// </summary>
    public static bool IsSeries(string product, IReadOnlySet<string> worldProducts) => worldProducts.Count >= 2 && worldProducts.Contains(product);

    /// <summary>
    /// In the 2022–2025 files a Type is a table of its own: several Types with different products are product series
    /// (platinum / palladium, ferrosilicon / silicon metal) whether or not each has a World total; otherwise the rule of
    /// <see cref="IsSeries(string, IReadOnlySet{string})"/>.
    /// </summary>
    public static bool IsSeries(string product, IReadOnlySet<string> worldProducts, IReadOnlySet<string> typeProducts) =>
        product != "main" && (typeProducts.Count >= 2 || IsSeries(product, worldProducts));

    /// <summary>The product slug of column-name words ("Sponge", "ore_K2O_equiv") in 2022–2024 headers.</summary>
    public static string ProductOfWords(IReadOnlyList<string> words)
    {
        if (words.Count == 0)
        {
            return "main";
        }

        var text = string.Join(' ', words).ToLowerInvariant();
        return Canonical.TryGetValue(text, out var known) ? known : Slug(text);
    }

    /// <summary>A slug: lower-case letters and digits joined by '-', at most 60 characters.</summary>
    public static string Slug(string text)
    {
        var slug = UsgsPatterns.NonSlug().Replace(UsgsText.Fold(text), "-").Trim('-');
        return slug.Length <= 60 ? slug : slug[..60].TrimEnd('-');
    }
}
