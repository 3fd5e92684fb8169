using System.Security.Cryptography;

namespace Feeds.Core.Catalog;

/// <summary>
/// Reads and validates the catalog's data files. Any inconsistency (duplicate id, reference to an unknown mineral or
/// country, malformed HS code) stops the load with a <see cref="CatalogException"/> naming the file and the entry.
/// </summary>
public static class CatalogLoader
{
    public const string MineralsFile = "minerals.json", ListsFile = "lists.json", HsCodesFile = "hs-codes.json",
        CountriesFile = "countries.json", MembershipsFile = "memberships.json";

    public static IReadOnlyList<string> FileNames { get; } = [MineralsFile, ListsFile, HsCodesFile, CountriesFile, MembershipsFile];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    public static CatalogData Load(ICatalogFiles files)
    {
        var raw = FileNames.ToDictionary(name => name, name => ReadAll(files, name), StringComparer.Ordinal);

        var minerals = LoadMinerals(Parse<MineralsDoc>(raw, MineralsFile));
        var mineralIds = minerals.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var countriesDoc = Parse<CountriesDoc>(raw, CountriesFile);
        var (countries, areas) = LoadCountries(countriesDoc);
        var iso3s = countries.Select(c => c.Iso3).ToHashSet(StringComparer.Ordinal);
        var lists = LoadLists(Parse<ListsDoc>(raw, ListsFile), mineralIds, iso3s);
        var hsCodes = LoadHsCodes(Parse<HsCodesDoc>(raw, HsCodesFile), mineralIds);
        var memberships = LoadMemberships(Parse<MembershipsDoc>(raw, MembershipsFile), iso3s);

        // The records served are built whole here: a mineral with the list entries and HS codes that name it,
        // a country with the groups it belonged to, and when.
        List<Mineral> fullMinerals = [.. minerals.Select(m => m with
        {
            Designations = [.. lists.SelectMany(l => l.Entries.Where(e => e.Mineral == m.Id).Select(e => new Designation(l.Id, e.Name)))],
            HsCodes = [.. hsCodes.Where(h => h.Minerals.Contains(m.Id, StringComparer.Ordinal)).Select(h => new MineralHsCode(
                h.Code, h.Description, h.Vintages, h.Shared, [.. h.Minerals.Where(o => o != m.Id)], h.SharedWithOtherGoods, h.Note))],
        })];
        List<Country> fullCountries = [.. countries.Select(c => c with
        {
            MembershipHistory = [.. memberships.SelectMany(g => g.Members.Where(x => x.Iso3 == c.Iso3).Select(x => new CountryMembership(g.Id, x.From, x.To)))],
        })];

        return new CatalogData(fullMinerals, lists, hsCodes, fullCountries, areas, memberships, countriesDoc.UsgsAggregates ?? [], Version(raw));
    }

    /// <summary>A content hash over every file: changes when any catalog fact changes.</summary>
    private static string Version(Dictionary<string, byte[]> raw)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in FileNames)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name));
            hash.AppendData(raw[name]);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    private static byte[] ReadAll(ICatalogFiles files, string name)
    {
        using var stream = files.Open(name);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static T Parse<T>(Dictionary<string, byte[]> raw, string file)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(raw[file], Json)
                ?? throw new CatalogException(file, "(file)", "the file is empty");
        }
        catch (JsonException ex)
        {
            throw new CatalogException(file, ex.Path ?? "(file)", $"not valid JSON for this file: {ex.Message}");
        }
    }

    private static List<Mineral> LoadMinerals(MineralsDoc doc)
    {
        const string file = MineralsFile;
        var result = new List<Mineral>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (m, i) in (doc.Minerals ?? []).Select((m, i) => (m, i)))
        {
            var id = Key(m.Id, file, $"#{i}", "id", Identifiers.MineralId(), "id must be lower-case letters, digits and hyphens", seen);

            var kind = m.Kind ?? "";
            if (kind is not (Mineral.ElementKind or Mineral.GroupKind or Mineral.MineralKind))
            {
                throw new CatalogException(file, id, $"kind '{kind}' is not element, group or mineral");
            }

            result.Add(new Mineral(id, new CatalogCheck(file, id).Required(m.Name, "name"), kind, m.Symbol, m.Group, m.Members ?? [], [], [], m.UsgsNames ?? []));
        }

        var byId = result.ToDictionary(m => m.Id, StringComparer.Ordinal);
        foreach (var m in result)
        {
            if (m.Group is not null && (!byId.TryGetValue(m.Group, out var group) || !group.IsGroup))
            {
                throw new CatalogException(file, m.Id, $"group '{m.Group}' is not a group mineral of the catalog");
            }

            if (!m.IsGroup && m.Members.Count > 0)
            {
                throw new CatalogException(file, m.Id, "only a group has members");
            }

            foreach (var member in m.Members)
            {
                if (!byId.TryGetValue(member, out var element))
                {
                    throw new CatalogException(file, m.Id, $"member '{member}' is not a mineral of the catalog");
                }

                if (element.Group != m.Id)
                {
                    throw new CatalogException(file, member, $"is a member of '{m.Id}' but its group is '{element.Group}'");
                }
            }

            if (m.Group is not null && !byId[m.Group].Members.Contains(m.Id))
            {
                throw new CatalogException(file, m.Id, $"names group '{m.Group}' which does not list it as a member");
            }
        }

        return result;
    }

    private static List<CriticalMineralList> LoadLists(
        ListsDoc doc, Dictionary<string, Mineral> minerals, HashSet<string> iso3s)
    {
        const string file = ListsFile;
        var result = new List<CriticalMineralList>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (l, i) in (doc.Lists ?? []).Select((l, i) => (l, i)))
        {
            var id = Key(l.Id, file, $"#{i}", "id", Identifiers.ListId(), "list id must be two capital letters and a year, e.g. IN2023", seen);

            var check = new CatalogCheck(file, id);
            var country = check.Required(l.Country, "country");
            if (!iso3s.Contains(country))
            {
                throw new CatalogException(file, id, $"country '{country}' is not in {CountriesFile}");
            }

            var entries = new List<ListEntry>();
            var entryMinerals = new HashSet<string>(StringComparer.Ordinal);
            foreach (var e in l.Entries ?? [])
            {
                var name = check.Required(e.Name, "entry name");
                var mineral = new CatalogCheck(file, $"{id}/{name}").Required(e.Mineral, "mineral");
                if (!minerals.ContainsKey(mineral))
                {
                    throw new CatalogException(file, $"{id}/{name}", $"mineral '{mineral}' is not in {MineralsFile}");
                }

                if (!entryMinerals.Add(mineral))
                {
                    throw new CatalogException(file, $"{id}/{name}", $"mineral '{mineral}' appears twice on the list");
                }

                entries.Add(new ListEntry(name, mineral));
            }

            result.Add(new CriticalMineralList(
                id, country, check.Required(l.Title, "title"), l.Publisher ?? "", l.Published ?? "", check.Required(l.Source, "source"), entries));
        }

        return result;
    }

    private static List<HsCodeDefinition> LoadHsCodes(HsCodesDoc doc, Dictionary<string, Mineral> minerals)
    {
        const string file = HsCodesFile;
        var result = new List<HsCodeDefinition>();
        var seen = new HashSet<(string, string)>();
        foreach (var (h, i) in (doc.Codes ?? []).Select((h, i) => (h, i)))
        {
            var code = h.Code ?? throw new CatalogException(file, $"#{i}", "missing code");
            if (!Identifiers.Hs6().IsMatch(code))
            {
                throw new CatalogException(file, code, "an HS code must be exactly six digits");
            }

            var vintages = h.Vintages ?? [];
            if (vintages.Count == 0)
            {
                throw new CatalogException(file, code, "no HS vintage given");
            }

            foreach (var vintage in vintages)
            {
                if (!HsCodeDefinition.KnownVintages.Contains(vintage))
                {
                    throw new CatalogException(file, code, $"vintage '{vintage}' is not one of {string.Join(", ", HsCodeDefinition.KnownVintages)}");
                }

                if (!seen.Add((code, vintage)))
                {
                    throw new CatalogException(file, code, $"defined twice for vintage {vintage}");
                }
            }

            var claimed = h.Minerals ?? [];
            if (claimed.Count == 0)
            {
                throw new CatalogException(file, code, "claimed by no mineral");
            }

            foreach (var mineral in claimed.Where(m => !minerals.ContainsKey(m)))
            {
                throw new CatalogException(file, code, $"mineral '{mineral}' is not in {MineralsFile}");
            }

            result.Add(new HsCodeDefinition(
                code, new CatalogCheck(file, code).Required(h.Description, "description"), vintages, claimed, h.SharedWithOtherGoods, h.Note));
        }

        return result;
    }

    private static (List<Country>, List<TradeArea>) LoadCountries(CountriesDoc doc)
    {
        const string file = CountriesFile;
        var countries = new List<Country>();
        var iso3s = new HashSet<string>(StringComparer.Ordinal);
        var codes = new HashSet<int>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (c, i) in (doc.Countries ?? []).Select((c, i) => (c, i)))
        {
            var iso3 = Key(c.Iso3, file, $"#{i}", "iso3", Identifiers.Iso3(), "ISO3 must be three capital letters", iso3s, "duplicate ISO3");

            if (c.ComtradeCode is { } code && (code < 0 || !codes.Add(code)))
            {
                throw new CatalogException(file, iso3, $"Comtrade code {code} is negative or used twice");
            }

            var name = new CatalogCheck(file, iso3).Required(c.Name, "name");
            var usgsNames = c.UsgsNames ?? [];
            foreach (var spelling in usgsNames.Append(name).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!names.Add(spelling))
                {
                    throw new CatalogException(file, iso3, $"the name '{spelling}' is used by another country");
                }
            }

            countries.Add(new Country(iso3, name, c.ComtradeCode, c.M49, usgsNames, []));
        }

        var areas = new List<TradeArea>();
        foreach (var (a, i) in (doc.Areas ?? []).Select((a, i) => (a, i)))
        {
            const string areaRule = "an area key must be 3-4 capital letters or digits and differ from every ISO3 and other key";
            var key = Key(a.Key, file, $"areas #{i}", "key", Identifiers.AreaKey(), areaRule, iso3s, areaRule);

            if (a.ComtradeCode is not { } code || !codes.Add(code))
            {
                throw new CatalogException(file, key, $"Comtrade code {a.ComtradeCode} is missing or used twice");
            }

            areas.Add(new TradeArea(code, key, new CatalogCheck(file, key).Required(a.Name, "name"), a.Note));
        }

        return (countries, areas);
    }

    private static List<MembershipGroup> LoadMemberships(MembershipsDoc doc, HashSet<string> iso3s)
    {
        const string file = MembershipsFile;
        var result = new List<MembershipGroup>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (g, i) in (doc.Groups ?? []).Select((g, i) => (g, i)))
        {
            const string groupRule = "group id must be capital letters and unique";
            var id = Key(g.Id, file, $"#{i}", "id", Identifiers.MembershipId(), groupRule, seen, groupRule);

            var check = new CatalogCheck(file, id);
            var groupFrom = check.OptionalDate(g.From, "from");
            var groupTo = check.OptionalDate(g.To, "to");
            if (groupTo is not null && (groupTo < groupFrom || string.IsNullOrWhiteSpace(g.ToCitation) || g.ToConfirmed is null))
            {
                throw new CatalogException(file, id, "a group that ended needs 'to' after 'from', 'toCitation' and 'toConfirmed'");
            }

            LegalTest? test = null;
            if (g.LegalTest is { } t)
            {
                var legal = new CatalogCheck(file, $"{id}/legalTest");
                test = new LegalTest(legal.Required(t.Id, "id"), legal.Required(t.Name, "name"), legal.Date(t.From, "from"), legal.Date(t.To, "to"),
                    legal.Required(t.Citation, "citation"), t.Confirmed ?? legal.Fail<bool>("missing confirmed"), t.Note);
            }

            var members = new List<GroupMember>();
            foreach (var m in g.Members ?? [])
            {
                var iso3 = check.Required(m.Iso3, "member iso3");
                var entry = $"{id}/{iso3}";
                if (!iso3s.Contains(iso3))
                {
                    throw new CatalogException(file, entry, $"country '{iso3}' is not in {CountriesFile}");
                }

                if (members.Any(x => x.Iso3 == iso3))
                {
                    throw new CatalogException(file, entry, "member listed twice");
                }

                var member = new CatalogCheck(file, entry);
                var from = member.Date(m.From, "from");
                var to = member.OptionalDate(m.To, "to");
                if (to < from)
                {
                    throw new CatalogException(file, entry, $"'to' {to:yyyy-MM-dd} is before 'from' {from:yyyy-MM-dd}");
                }

                // A member cannot belong to a group before it began or after it ended.
                if (from < groupFrom || (groupTo is not null && (to is null || to > groupTo)))
                {
                    throw new CatalogException(file, entry, $"membership {from:yyyy-MM-dd}..{to:yyyy-MM-dd} lies outside the group's {groupFrom:yyyy-MM-dd}..{groupTo:yyyy-MM-dd}");
                }

                members.Add(new GroupMember(iso3, from, to, m.Basis, m.Agreement, member.Required(m.Citation, "citation"),
                    m.Confirmed ?? member.Fail<bool>("missing confirmed"), m.Note));
            }

            result.Add(new MembershipGroup(
                id, check.Required(g.Name, "name"), g.AsOf ?? "", check.Required(g.Source, "source"), g.Note,
                groupFrom, groupTo, g.ToCitation, g.ToConfirmed, test, members));
        }

        return result;
    }

    /// <summary>An entry's key: present, of its pattern and new to <paramref name="seen"/> (which it joins).</summary>
    private static string Key(
        string? value, string file, string position, string field, System.Text.RegularExpressions.Regex pattern, string rule, HashSet<string> seen,
        string duplicate = "duplicate id")
    {
        var key = value ?? throw new CatalogException(file, position, $"missing {field}");
        if (!pattern.IsMatch(key))
        {
            throw new CatalogException(file, key, rule);
        }

        return seen.Add(key) ? key : throw new CatalogException(file, key, duplicate);
    }
}
