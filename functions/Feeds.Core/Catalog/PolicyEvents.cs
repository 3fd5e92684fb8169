namespace Feeds.Core.Catalog;

/// <summary>
/// Loads and validates the policy register against the catalog. A bad entry stops the load with an error naming the
/// file and the entry: ids unique and well-formed; country an ISO3 of the catalog; kind, status and mapping words from
/// their vocabularies; dates yyyy-MM-dd and in order; minerals catalog ids; HS codes six digits, customs codes that
/// extend them, and <c>inCatalog</c> equal to whether the catalog has the code (claimed by one of the event's
/// minerals); every status entry cited; a citation for each fact (instrument, in-force date, scope, the announcement
/// when dated, HS codes when any); links to other events that exist, and each suspension mirrored in the suspended
/// event's history.
/// </summary>
public static class PolicyEvents
{
    public const string FileName = "events.json";

    public static IReadOnlyList<string> Kinds { get; } =
        ["licensing", "ban", "quota", "suspension", "extension", "extraterritorial", "technology-ban", "technology-licensing", "other"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    public static IReadOnlyList<PolicyEvent> Load(Stream stream, string fileName, CatalogData catalog)
    {
        PolicyFileDoc? file;
        try
        {
            file = JsonSerializer.Deserialize<PolicyFileDoc>(stream, Json);
        }
        catch (JsonException ex)
        {
            throw new CatalogException(fileName, ex.Path ?? "(file)", $"invalid JSON: {ex.Message}");
        }

        var docs = file?.Events ?? throw new CatalogException(fileName, "(file)", "no 'events' array.");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (doc, i) in docs.Select((d, i) => (d, i)))
        {
            var id = doc.Id ?? throw new CatalogException(fileName, $"#{i}", "missing id.");
            if (!Identifiers.EventId().IsMatch(id) || !ids.Add(id))
            {
                throw new CatalogException(fileName, id, "the id must be country-year-words in lower case (chn-2023-graphite-licensing) and unique.");
            }
        }

        var events = docs.Select(d => Event(d, new CatalogCheck(fileName, d.Id!), catalog, ids)).ToList();
        foreach (var e in events)
        {
            var check = new CatalogCheck(fileName, e.Id);
            foreach (var link in e.Suspends)
            {
                var target = events.Single(x => x.Id == link.Event);
                if (!target.StatusHistory.Any(s => s.Status == PolicyStatus.Suspended && s.By == e.Id && s.Part == link.Part && s.From == link.From && s.Until == link.Until))
                {
                    check.Fail($"suspends '{link.Event}' ({link.Part ?? "whole"}, {link.From:yyyy-MM-dd} until {link.Until:yyyy-MM-dd}), but that event's statusHistory has no such 'suspended' entry by it.");
                }
            }
        }

        foreach (var (retired, successors) in file.RetiredIds ?? [])
        {
            if (ids.Contains(retired) || successors.Any(s => !ids.Contains(s)))
            {
                throw new CatalogException(fileName, retired, "a retired id must be gone from the register and name only events it holds.");
            }
        }

        return [.. events.OrderBy(e => e.Date).ThenBy(e => e.Id, StringComparer.Ordinal)];
    }

    private static PolicyEvent Event(PolicyEventDoc d, CatalogCheck check, CatalogData catalog, HashSet<string> ids)
    {
        var country = check.Required(d.Country, "country");
        if (catalog.Country(country) is null)
        {
            check.Fail($"country '{country}' is not an ISO3 of the catalog's countries.json.");
        }

        var kind = check.Required(d.Kind, "kind");
        if (!Kinds.Contains(kind, StringComparer.Ordinal))
        {
            check.Fail($"kind '{kind}' is not one of {string.Join(", ", Kinds)}.");
        }

        var instrument = new PolicyInstrument(check.Required(d.Instrument?.Number, "instrument.number"), check.Required(d.Instrument?.Title, "instrument.title"));
        var announced = check.OptionalDate(d.Announced, "announced");
        var inForce = check.Date(d.InForce, "inForce");
        if (announced > inForce)
        {
            check.Fail($"announced {announced:yyyy-MM-dd} is after inForce {inForce:yyyy-MM-dd}.");
        }

        var minerals = d.Minerals ?? check.Fail<List<string>>("no 'minerals' array (it may be empty for goods that are no catalog mineral).");
        if (minerals.FirstOrDefault(m => catalog.Mineral(m) is null) is { } unknown)
        {
            check.Fail($"unknown mineral '{unknown}' (not in the catalog's minerals.json).");
        }

        var history = (d.StatusHistory ?? []).Select((s, i) => Status(s, check.At($"statusHistory[{i}]"), ids)).ToList();
        if (history.Count == 0)
        {
            check.Fail("no statusHistory.");
        }

        for (var i = 1; i < history.Count; i++)
        {
            if (history[i].From < history[i - 1].From)
            {
                check.Fail($"statusHistory[{i}] starts before the entry above it: list entries in date order.");
            }
        }

        var hsCodes = (d.HsCodes ?? []).Select((h, i) => HsCode(h, check.At($"hsCodes[{i}]"), catalog, minerals)).ToList();
        var citations = (d.Citations ?? []).Select((c, i) => Citation(c, check.At($"citations[{i}]"))).ToList();
        string[] facts = ["instrument", "inForce", "scope", .. announced is null ? Array.Empty<string>() : ["announced"], .. hsCodes.Count == 0 ? Array.Empty<string>() : ["hsCodes"]];
        if (facts.FirstOrDefault(f => citations.All(c => c.Fact != f)) is { } uncited)
        {
            check.Fail($"no citation for the fact '{uncited}'.");
        }

        return new PolicyEvent(
            check.Entry, country, check.Required(d.Title, "title"), kind, instrument, announced, d.AnnouncedNote, inForce,
            d.TookEffect ?? check.Fail<bool>("missing tookEffect."), d.TookEffectNote, history, check.Required(d.Scope, "scope"),
            minerals, hsCodes, d.HsNotes,
            [.. (d.Suspends ?? []).Select((l, i) => Link(l, check.At($"suspends[{i}]"), ids, needsUntil: true))],
            [.. (d.Extends ?? []).Select((l, i) => Link(l, check.At($"extends[{i}]"), ids, needsUntil: false))],
            citations, d.Confirmed ?? check.Fail<bool>("missing confirmed."));
    }

    private static PolicyStatus Status(PolicyStatusDoc s, CatalogCheck check, HashSet<string> ids)
    {
        var status = check.Required(s.Status, "status");
        if (!PolicyStatus.Vocabulary.Contains(status, StringComparer.Ordinal))
        {
            check.Fail($"status '{status}' is not one of {string.Join(", ", PolicyStatus.Vocabulary)}.");
        }

        var from = check.Date(s.From, "from");
        var until = check.OptionalDate(s.Until, "until");
        if (until < from)
        {
            check.Fail($"until {until:yyyy-MM-dd} is before from {from:yyyy-MM-dd}.");
        }

        if (s.By is not null && !ids.Contains(s.By))
        {
            check.Fail($"'by' names '{s.By}', which is not an event of the register.");
        }

        return new PolicyStatus(status, from, until, s.By, s.Part, s.PartNote, s.Note, check.Required(s.Citation, "citation"),
            s.Confirmed ?? check.Fail<bool>("missing confirmed."));
    }

    private static PolicyHsCode HsCode(PolicyHsCodeDoc h, CatalogCheck check, CatalogData catalog, List<string> minerals)
    {
        var hs6 = check.Required(h.Hs6, "hs6");
        if (!Identifiers.Hs6().IsMatch(hs6))
        {
            check.Fail($"hs6 '{hs6}' is not six digits.");
        }

        var customs = h.CustomsCodes ?? [];
        if (customs.FirstOrDefault(c => c.Length is not (8 or 10) || !c.All(char.IsAsciiDigit) || !c.StartsWith(hs6, StringComparison.Ordinal)) is { } odd)
        {
            check.Fail($"customs code '{odd}' is not an 8- or 10-digit subdivision of {hs6}.");
        }

        var mapping = check.Required(h.Mapping, "mapping");
        if (mapping is not (PolicyHsCode.Exact or PolicyHsCode.Partial))
        {
            check.Fail($"mapping '{mapping}' is not exact or partial.");
        }

        // The trade feed pulls only catalog codes, so the file must say which codes have trade rows behind them.
        var claimants = catalog.HsCodes.Where(c => c.Code == hs6).SelectMany(c => c.Minerals).ToHashSet(StringComparer.Ordinal);
        var inCatalog = h.InCatalog ?? check.Fail<bool>("missing inCatalog.");
        if (inCatalog != claimants.Count > 0)
        {
            check.Fail(inCatalog ? $"inCatalog is true but the catalog's hs-codes.json has no {hs6}." : $"inCatalog is false but the catalog's hs-codes.json has {hs6}.");
        }

        if (inCatalog && !minerals.SelectMany(m => Related(catalog, m)).Any(claimants.Contains))
        {
            check.Fail($"{hs6} is claimed in the catalog by {string.Join(", ", claimants.Order(StringComparer.Ordinal))}, none of the event's minerals.");
        }

        return new PolicyHsCode(hs6, customs, mapping, inCatalog, h.Confirmed ?? check.Fail<bool>("missing confirmed."), h.Note);
    }

    private static PolicyLink Link(PolicyLinkDoc l, CatalogCheck check, HashSet<string> ids, bool needsUntil)
    {
        var target = check.Required(l.Event, "event");
        if (!ids.Contains(target))
        {
            check.Fail($"'{target}' is not an event of the register.");
        }

        var until = check.OptionalDate(l.Until, "until");
        if (needsUntil == until is null)
        {
            check.Fail(needsUntil ? "a suspension needs 'until' (the sources' end date)." : "an extension gives 'duration', not 'until'.");
        }

        return new PolicyLink(target, l.Part, check.Date(l.From, "from"), until, l.Duration);
    }

    private static PolicyCitation Citation(PolicyCitationDoc c, CatalogCheck check)
    {
        var fact = check.Required(c.Fact, "fact");
        if (!PolicyCitation.Facts.Contains(fact, StringComparer.Ordinal))
        {
            check.Fail($"fact '{fact}' is not one of {string.Join(", ", PolicyCitation.Facts)}.");
        }

        if (c.Url is not null && (!Uri.TryCreate(c.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")))
        {
            check.Fail($"url '{c.Url}' is not an absolute http(s) address (leave it null when no source showed one).");
        }

        return new PolicyCitation(fact, check.Required(c.Text, "text"), c.Url, c.Confirmed ?? check.Fail<bool>("missing confirmed."));
    }

    /// <summary>A mineral with its group and, for a group, its members: the set an event on it may be found by.</summary>
    public static IReadOnlySet<string> Related(CatalogData catalog, string mineralId)
    {
        var mineral = catalog.Mineral(mineralId);
        var related = new HashSet<string>(StringComparer.Ordinal) { mineralId };
        if (mineral?.Group is { } group)
        {
            related.Add(group);
        }

        related.UnionWith(mineral?.Members ?? []);
        return related;
    }
}
