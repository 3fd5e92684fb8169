using Feeds.Core.Catalog;

namespace Feeds.Core.Reserves;

/// <summary>
/// Resolves USGS country cells through the catalog (data/catalog/README.md, "Resolving a USGS country cell"), in this
/// order: the cell folded (no-break spaces, padding, curly apostrophes, diacritics, case) and stripped of trailing
/// footnote digits, with or without a space ("Other countries6", "World total (rounded) 10"), matched on the catalog's
/// names, USGS spellings and aggregates; then the aggregates with their qualifiers ("World total (rounded), excluding
/// U.S. production", "World total (ilmenite, rounded)", "Other countries (includes crude)"); then a country with a
/// qualifier in parentheses ("Brazil (beneficiated)"); then several countries in one cell ("China, Germany, and
/// Russia" → <c>MULTI-CHN-DEU-RUS</c>, the value not split); and only when all of that fails and the text ends in
/// "e", the same again without that estimate mark ("Japane"). An unmatched cell resolves to null.
/// </summary>
public sealed class UsgsCountryResolver
{
    private readonly Dictionary<string, UsgsCountry> _byName = new(StringComparer.Ordinal);

    /// <summary>Cells already resolved: a file repeats a few hundred distinct cells thousands of times.</summary>
    private readonly Dictionary<string, UsgsCountryMatch?> _resolved = new(StringComparer.Ordinal);

    public UsgsCountryResolver(CatalogData catalog)
    {
        foreach (var country in catalog.Countries)
        {
            foreach (var name in country.UsgsNames.Append(country.Name))
            {
                _byName.TryAdd(UsgsText.Fold(name), new UsgsCountry(country.Iso3, country.Iso3, country.Name, IsAggregate: false, EstimateMark: false));
            }
        }

        foreach (var aggregate in catalog.UsgsAggregates)
        {
            var folded = UsgsText.Fold(aggregate);
            var key = folded.StartsWith("world total", StringComparison.Ordinal) ? UsgsCountry.WorldKey
                : folded.StartsWith("other countries", StringComparison.Ordinal) ? UsgsCountry.OthersKey : null;
            if (key is not null)
            {
                _byName.TryAdd(folded, Aggregate(key));
            }
        }
    }

    public UsgsCountry? Country(string? cell) => Match(cell)?.Country;

    public UsgsCountryMatch? Match(string? cell)
    {
        var key = cell ?? "";
        if (_resolved.TryGetValue(key, out var known))
        {
            return known;
        }

        var match = Resolve(key);
        if (_resolved.Count < 100_000)
        {
            _resolved[key] = match;
        }

        return match;
    }

    private UsgsCountryMatch? Resolve(string cell)
    {
        var text = UsgsPatterns.FootnoteDigits().Replace(UsgsText.Fold(cell), "").TrimEnd();
        if (text.Length == 0)
        {
            return null;
        }

        var match = MatchText(text);
        // The exact match came first: "Ukraine", "Greece", "France" end in "e" too.
        if (match is null && text.EndsWith('e') && MatchText(UsgsPatterns.FootnoteDigits().Replace(text[..^1], "").TrimEnd()) is { } marked)
        {
            match = marked with { Country = marked.Country with { EstimateMark = true } };
        }

        // A qualifier is matched folded and given back as published ("includes Puerto Rico").
        return match?.Qualifier is { } qualifier ? match with { Qualifier = AsPublished(UsgsText.Clean(cell), qualifier) } : match;
    }

    private static string AsPublished(string cell, string folded)
    {
        var at = cell.IndexOf(folded, StringComparison.OrdinalIgnoreCase);
        return at >= 0 ? cell.Substring(at, folded.Length) : folded;
    }

    private UsgsCountryMatch? MatchText(string text)
    {
        if (_byName.TryGetValue(text, out var exact))
        {
            return new UsgsCountryMatch(exact, null, text.Contains("(rounded)", StringComparison.Ordinal), null);
        }

        var aggregate = UsgsPatterns.AggregatePattern().Match(text);
        if (aggregate.Success)
        {
            // "Other" alone is the full releases' spelling of "Other countries".
            var key = aggregate.Groups["name"].Value == "world total" ? UsgsCountry.WorldKey : UsgsCountry.OthersKey;
            var words = new List<string>();
            var rounded = false;
            string? excludes = null;
            foreach (var part in (aggregate.Groups["inner"].Value + "," + aggregate.Groups["rest"].Value).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (part == "rounded")
                {
                    rounded = true;
                }
                else if (part.StartsWith("excluding", StringComparison.Ordinal) || part.StartsWith("excludes", StringComparison.Ordinal))
                {
                    excludes = part;
                }
                else
                {
                    words.Add(part);
                }
            }

            return new UsgsCountryMatch(Aggregate(key), words.Count == 0 ? null : string.Join(", ", words), rounded, excludes);
        }

        var qualified = UsgsPatterns.QualifiedPattern().Match(text);
        if (qualified.Success && _byName.TryGetValue(qualified.Groups["base"].Value.Trim(), out var country))
        {
            return new UsgsCountryMatch(country, qualified.Groups["qualifier"].Value.Trim(), false, null);
        }

        var members = UsgsPatterns.MemberSeparator().Split(text).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (members.Count >= 2 && members.All(m => _byName.TryGetValue(m, out var c) && !c.IsAggregate))
        {
            var iso3 = members.Select(m => _byName[m].Iso3!).ToList();
            var names = string.Join(", ", members.Select(m => _byName[m].Name));
            return new UsgsCountryMatch(new UsgsCountry(UsgsCountry.MultiKey(iso3), null, names, IsAggregate: true, EstimateMark: false, iso3), null, false, null);
        }

        return null;
    }

    private static UsgsCountry Aggregate(string key) =>
        new(key, null, key == UsgsCountry.WorldKey ? "World total" : "Other countries", IsAggregate: true, EstimateMark: false);
}
