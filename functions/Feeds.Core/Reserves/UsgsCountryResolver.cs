using System.Text.RegularExpressions;
using Feeds.Core.Catalog;
using Feeds.Core.Storage;

namespace Feeds.Core.Reserves;

/// <summary>
/// Resolves USGS country cells through the catalog (data/catalog/README.md, "Resolving a USGS country cell"):
/// non-breaking spaces become spaces, padding and trailing footnote digits go ("Other countries6"), then the name,
/// USGS spellings and aggregates are matched case-insensitively; only if that fails and the text ends in "e" is the
/// estimate mark stripped and the match tried again ("Japane"). An unmatched cell resolves to null (quarantined).
/// </summary>
public sealed partial class UsgsCountryResolver
{
    /// <summary>The aggregate rows' keys; only aggregates the catalog lists are accepted.</summary>
    private static readonly Dictionary<string, string> AggregateKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["World total"] = UsgsCountry.WorldKey,
        ["World total (rounded)"] = UsgsCountry.WorldKey,
        ["Other countries"] = UsgsCountry.OthersKey,
    };

    private readonly Dictionary<string, UsgsCountry> _byName = new(StringComparer.OrdinalIgnoreCase);

    public UsgsCountryResolver(CatalogData catalog)
    {
        foreach (var country in catalog.Countries)
        {
            foreach (var name in country.UsgsNames.Append(country.Name))
            {
                _byName.TryAdd(name, new UsgsCountry(country.Iso3, country.Iso3, country.Name, IsAggregate: false, EstimateMark: false));
            }
        }

        foreach (var aggregate in catalog.UsgsAggregates)
        {
            if (AggregateKeys.TryGetValue(aggregate, out var key))
            {
                _byName.TryAdd(aggregate, new UsgsCountry(key, null, key == UsgsCountry.WorldKey ? "World total" : "Other countries", IsAggregate: true, EstimateMark: false));
            }
        }
    }

    public UsgsCountry? Resolve(string? cell)
    {
        var text = FootnoteDigits().Replace(UsgsText.Clean(cell), "").TrimEnd();
        if (text.Length == 0)
        {
            return null;
        }

        if (_byName.TryGetValue(text, out var exact))
        {
            return exact;
        }

        // The exact match came first: "Ukraine", "Greece", "France" end in "e" too.
        return text.EndsWith('e') && _byName.TryGetValue(text[..^1], out var marked)
            ? marked with { EstimateMark = true }
            : null;
    }

    [GeneratedRegex(@"(?<=\S)\d+$")]
    private static partial Regex FootnoteDigits();
}
