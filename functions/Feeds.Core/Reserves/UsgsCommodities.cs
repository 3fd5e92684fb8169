using System.Collections.Frozen;
using Feeds.Core.Catalog;

namespace Feeds.Core.Reserves;

/// <summary>
/// Maps USGS commodity names to catalog minerals. Names are folded (<see cref="UsgsText.Fold"/>) and looked up, in
/// order, in the USGS alias table (data/usgs/commodity-aliases.json: name → mineral and product, checked against the
/// catalog at load), the catalog's ids, names and <c>usgsNames</c>; then a product-qualified name is tried without its
/// qualifier ("COBALT, metal, oxides, and salts" → cobalt, product "metal-oxides-and-salts"; "Aluminum (bauxite)"); then
/// a near miss: one edit (insert, delete, substitute or swap) away from exactly one known in-scope name of at least six
/// letters ("Gemanium" → germanium, the spelling recorded). A name that maps nowhere is out of scope (a commodity on no
/// critical-mineral list); in scope means the mineral (or its group) is on one of the catalog's lists, which every
/// catalog mineral is. The MCS 2022–2024 files name their commodity by a code in the file name (<see cref="FileCodes"/>).
/// </summary>
public sealed class UsgsCommodities
{
    public const string AliasResource = "usgs/commodity-aliases.json";

    public const string FileCodeResource = "usgs/file-codes.json";

    /// <summary>MCS file codes and the chapter name each stands for (data/usgs/file-codes.json), case ignored.</summary>
    public static IReadOnlyDictionary<string, string> FileCodes { get; } = ReadFileCodes();

    private readonly Dictionary<string, (string Mineral, string? Product)> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UsgsCommodity> _cache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UsgsCommodity> _raw = new(StringComparer.Ordinal);

    public UsgsCommodities(CatalogData catalog)
        : this(catalog, ReadAliases())
    {
    }

    public UsgsCommodities(CatalogData catalog, IReadOnlyList<(string Name, string Mineral, string? Product)> aliases)
    {
        var ids = catalog.Minerals.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, mineral, product) in aliases)
        {
            if (!ids.Contains(mineral))
            {
                throw new InvalidOperationException($"data/usgs/commodity-aliases.json maps '{name}' to '{mineral}', which is not a catalog mineral.");
            }

            _known.TryAdd(UsgsText.Fold(name), (mineral, product));
        }

        foreach (var mineral in catalog.Minerals)
        {
            _known.TryAdd(UsgsText.Fold(mineral.Id), (mineral.Id, null));
            _known.TryAdd(UsgsText.Fold(mineral.Name), (mineral.Id, null));
        }

        // A usgsName two minerals claim is left to the alias table ("Zirconium and hafnium"); otherwise first claim wins.
        var claims = catalog.Minerals.SelectMany(m => m.UsgsNames.Select(n => (Name: UsgsText.Fold(n), m.Id))).GroupBy(c => c.Name);
        foreach (var claim in claims.Where(c => c.Select(x => x.Id).Distinct().Count() == 1))
        {
            _known.TryAdd(claim.Key, (claim.First().Id, null));
        }
    }

    /// <summary>The mineral (and product) a USGS commodity name stands for; out of scope when it maps nowhere.</summary>
    public UsgsCommodity ByName(string? name)
    {
        if (name is not null && _raw.TryGetValue(name, out var seen))
        {
            return seen;
        }

        var result = ByFolded(name);
        if (name is not null && _raw.Count < 100_000)
        {
            _raw[name] = result;
        }

        return result;
    }

    private UsgsCommodity ByFolded(string? name)
    {
        var folded = UsgsText.Fold(name);
        if (_cache.TryGetValue(folded, out var cached))
        {
            return cached with { Name = UsgsText.Clean(name) };
        }

        var result = Lookup(UsgsText.Clean(name), folded);
        _cache[folded] = result;
        return result;
    }

    /// <summary>The chapter name of an MCS file code and what it stands for; null when the code is not a known MCS code.</summary>
    public UsgsCommodity? ByFileCode(string code) =>
        FileCodes.TryGetValue(code, out var chapter) ? ByName(chapter) : null;

    private UsgsCommodity Lookup(string name, string folded)
    {
        if (folded.Length == 0)
        {
            return new UsgsCommodity(name, null, null, null);
        }

        if (_known.TryGetValue(folded, out var known))
        {
            return new UsgsCommodity(name, known.Mineral, known.Product, null);
        }

        // "COBALT, metal, oxides, and salts", "Aluminum (bauxite)": the base name, with the rest as the product.
        var qualified = UsgsPatterns.QualifiedName().Match(folded);
        if (qualified.Success && _known.TryGetValue(qualified.Groups["base"].Value.Trim(), out var baseMineral))
        {
            var product = baseMineral.Product ?? UsgsWording.Slug(qualified.Groups["rest"].Value);
            return new UsgsCommodity(name, baseMineral.Mineral, product.Length == 0 ? null : product, null);
        }

        var near = _known.Where(k => k.Key.Length >= 6 && folded.Length >= 6 && WithinOneEdit(folded, k.Key)).Select(k => (k.Key, k.Value)).DistinctBy(k => k.Value.Mineral).ToList();
        return near.Count == 1
            ? new UsgsCommodity(name, near[0].Value.Mineral, near[0].Value.Product, $"'{name}' read as '{near[0].Key}' (one letter apart)")
            : new UsgsCommodity(name, null, null, null);
    }

    /// <summary>Damerau–Levenshtein distance at most one (one insertion, deletion, substitution or swap of neighbours).</summary>
    public static bool WithinOneEdit(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        if (a.Length == b.Length)
        {
            return a[(i + 1)..] == b[(i + 1)..]
                || (i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)..] == b[(i + 2)..]);
        }

        return a.Length > b.Length ? a[(i + 1)..] == b[i..] : a[i..] == b[(i + 1)..];
    }

    private static List<(string Name, string Mineral, string? Product)> ReadAliases()
    {
        using var document = ReadResource(AliasResource);
        return [.. document.RootElement.GetProperty("aliases").EnumerateArray().Select(a => (
            a.GetProperty("name").GetString()!,
            a.GetProperty("mineral").GetString()!,
            a.TryGetProperty("product", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null))];
    }

    private static FrozenDictionary<string, string> ReadFileCodes()
    {
        using var document = ReadResource(FileCodeResource);
        return document.RootElement.GetProperty("codes").EnumerateObject()
            .ToFrozenDictionary(c => c.Name, c => c.Value.GetString()!, StringComparer.OrdinalIgnoreCase);
    }

    private static JsonDocument ReadResource(string name)
    {
        using var stream = typeof(UsgsCommodities).Assembly.GetManifestResourceStream(name)
            ?? throw new FileNotFoundException($"{name} is not embedded in Feeds.Core.");
        return JsonDocument.Parse(stream);
    }
}
