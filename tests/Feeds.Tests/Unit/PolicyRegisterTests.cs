using System.Text;
using System.Text.Json.Nodes;
using Feeds.Core.Catalog;
using Feeds.Tests.Support;

namespace Feeds.Tests.Unit;

/// <summary>
/// The policy register (data/events/events.json): the corrected facts are pinned, the status on a day follows the
/// history, and a bad entry is an error naming the file, the entry and the field.
/// </summary>
public sealed class PolicyRegisterTests
{
    private static readonly PolicyRegister Register = TestCatalog.Register();

    private static PolicyEvent Event(string id) => Register.Find(id) ?? throw new InvalidOperationException($"{id} is not in the register");

    private static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void November_2025_holds_two_suspensions_with_their_own_dates_scopes_and_ends()
    {
        var no70 = Event("chn-2025-no70-suspension-october-controls");
        Assert.Equal("MOFCOM/GACC Announcement No. 70 of 2025", no70.Instrument.Number);
        Assert.Equal(Day("2025-11-07"), no70.InForce);
        Assert.Equal(Day("2026-11-10"), no70.StatusHistory.Single().Until);
        Assert.Equal(
            ["chn-2025-holmium-erbium-thulium-europium-ytterbium-licensing", "chn-2025-lithium-battery-graphite-anode-licensing",
             "chn-2025-ree-equipment-materials-licensing", "chn-2025-ree-extraterritorial-controls", "chn-2025-ree-technology-controls",
             "chn-2025-superhard-materials-licensing"],
            no70.Suspends.Select(s => s.Event).Order(StringComparer.Ordinal));
        Assert.All(no70.Suspends, s => Assert.Null(s.Part));
        Assert.Superset(new HashSet<string> { "ree", "lithium", "graphite" }, no70.Minerals.ToHashSet());

        var no72 = Event("chn-2025-no72-suspension-no46-clause2");
        Assert.Equal("MOFCOM Announcement No. 72 of 2025", no72.Instrument.Number);
        Assert.Equal(Day("2025-11-09"), no72.InForce);
        var link = Assert.Single(no72.Suspends);
        Assert.Equal(("chn-2024-us-ban-gallium-germanium-antimony", "clause 2", Day("2025-11-09"), (DateOnly?)Day("2026-11-27")), (link.Event, link.Part, link.From, link.Until));
        Assert.Equal(["antimony", "gallium", "germanium", "graphite"], no72.Minerals.Order(StringComparer.Ordinal));

        // The old placeholder (one "2025-11-10 suspension") is gone, and nothing is dated that day.
        Assert.Null(Register.Find("chn-2025-11-suspension"));
        Assert.DoesNotContain(Register.All, e => e.Date == Day("2025-11-10"));
    }

    [Fact]
    public void The_december_2024_measure_covers_graphite_and_only_its_second_clause_is_suspended()
    {
        var no46 = Event("chn-2024-us-ban-gallium-germanium-antimony");
        Assert.Equal("MOFCOM Announcement No. 46 of 2024", no46.Instrument.Number);
        Assert.Equal(Day("2024-12-03"), no46.Date);
        Assert.Contains("graphite", no46.Minerals);
        Assert.Contains(Register.For("graphite"), e => e.Id == no46.Id);

        Assert.Equal(PolicyStatus.InForce, no46.StatusAt(Day("2025-11-08")));
        Assert.Equal(PolicyEvent.PartlyInForce, no46.StatusAt(Day("2025-11-09"))); // clause 1 stays, clause 2 suspended that day
        Assert.True(no46.ActiveOn(Day("2026-06-01")));
        var suspended = no46.StatusHistory.Single(s => s.Status == PolicyStatus.Suspended);
        Assert.Equal(("clause 2", "chn-2025-no72-suspension-no46-clause2"), (suspended.Part, suspended.By));
    }

    [Fact]
    public void The_october_2025_set_covers_lithium_and_graphite_and_never_took_effect()
    {
        var no58 = Event("chn-2025-lithium-battery-graphite-anode-licensing");
        Assert.Equal(["graphite", "lithium"], no58.Minerals.Order(StringComparer.Ordinal));
        Assert.Equal("MOFCOM/GACC Announcement No. 58 of 2025", no58.Instrument.Number);
        Assert.False(no58.TookEffect);
        Assert.Equal(Day("2025-10-09"), no58.Date); // the announcement: the scheduled 2025-11-08 never came
        Assert.Contains("850760", no58.HsCodes.Select(h => h.Hs6));

        Assert.Equal(PolicyStatus.Announced, no58.StatusAt(Day("2025-10-20")));
        Assert.Equal(PolicyStatus.Suspended, no58.StatusAt(Day("2025-11-07")));
        Assert.Null(no58.StatusAt(Day("2026-11-28"))); // past the suspension's end the sources say nothing
        Assert.False(no58.ActiveOn(Day("2025-11-08")));

        var october = Register.All.Where(e => e.Announced == Day("2025-10-09")).Select(e => e.Instrument.Number).ToList();
        Assert.Equal(6, october.Count);
        Assert.Contains(Register.For("lithium"), e => e.Id == no58.Id);
        Assert.Contains(Register.For("holmium"), e => e.Id == "chn-2025-holmium-erbium-thulium-europium-ytterbium-licensing");
    }

    [Theory]
    [InlineData("chn-2025-tungsten-tellurium-bismuth-molybdenum-indium", "MOFCOM/GACC Announcement No. 10 of 2025", "2025-02-04")]
    [InlineData("chn-2025-medium-heavy-ree-licensing", "MOFCOM/GACC Announcement No. 18 of 2025", "2025-04-04")]
    [InlineData("chn-2023-graphite-licensing", "MOFCOM/GACC Announcement No. 39 of 2023", "2023-12-01")]
    public void The_2025_and_graphite_instruments_are_confirmed_with_their_dates(string id, string number, string inForce)
    {
        var e = Event(id);
        Assert.True(e.Confirmed);
        Assert.Equal(number, e.Instrument.Number);
        Assert.Equal(Day(inForce), e.InForce);
        Assert.Contains(e.Citations, c => c.Fact == "instrument" && c.Confirmed);
    }

    [Fact]
    public void Dr_congo_cobalt_and_indonesia_nickel_ore_are_in_the_register_with_their_sources()
    {
        var cobalt = Event("cod-2025-cobalt-export-suspension");
        Assert.Equal(("COD", Day("2025-02-22")), (cobalt.Country, cobalt.InForce));
        Assert.Equal(PolicyStatus.InForce, cobalt.StatusAt(Day("2025-07-01")));
        Assert.Equal(PolicyStatus.Replaced, cobalt.StatusAt(Day("2025-10-16")));
        Assert.True(Event("cod-2025-cobalt-export-quota").ActiveOn(Day("2025-10-16")));
        Assert.Contains(cobalt.Citations, c => c.Fact == "instrument" && c.Text.Contains("001/ARECOMS/2025", StringComparison.Ordinal));

        var nickel = Event("idn-2020-nickel-ore-export-ban");
        Assert.Equal(("IDN", Day("2020-01-01"), (DateOnly?)null), (nickel.Country, nickel.InForce, nickel.Announced));
        Assert.Equal(["nickel"], nickel.Minerals);
        var ore = Assert.Single(nickel.HsCodes);
        Assert.Equal(("260400", true, false), (ore.Hs6, ore.InCatalog, ore.Confirmed)); // mapped by description
    }

    [Fact]
    public void Every_event_cites_its_facts_and_a_source_url_only_where_one_was_seen()
    {
        Assert.Equal(19, Register.All.Count);
        Assert.All(Register.All, e =>
        {
            Assert.All(new[] { "instrument", "inForce", "scope" }, f => Assert.Contains(e.Citations, c => c.Fact == f));
            Assert.All(e.StatusHistory, s => Assert.False(string.IsNullOrWhiteSpace(s.Citation)));
            Assert.False(e.IsSample);
            Assert.True(e.Source.Url is null || e.Source.Text.Contains(e.Source.Url, StringComparison.Ordinal), e.Id);
        });
        // Codes the catalog lacks are flagged, not added: the trade feed pulls catalog codes only.
        Assert.Contains(Register.All.SelectMany(e => e.HsCodes), h => h.Hs6 == "380190" && !h.InCatalog);
        Assert.Contains(Register.All.SelectMany(e => e.HsCodes), h => h.Hs6 == "250410" && h.InCatalog && h.Mapping == PolicyHsCode.Partial);
    }

    [Fact]
    public void A_group_query_finds_member_events_and_a_member_query_finds_group_events()
    {
        Assert.Contains(Register.For("ree"), e => e.Minerals.Contains("dysprosium"));
        Assert.Contains(Register.For("dysprosium"), e => e.Minerals.SequenceEqual(["ree"]));
    }

    private static JsonObject Valid() => JsonNode.Parse("""
        {"id":"chn-2099-test","country":"CHN","title":"t","kind":"licensing","instrument":{"number":"No. 1","title":"t"},
         "announced":"2099-01-01","inForce":"2099-02-01","tookEffect":true,"scope":"s","minerals":["graphite"],
         "statusHistory":[{"status":"in-force","from":"2099-02-01","until":null,"citation":"c","confirmed":true}],
         "hsCodes":[{"hs6":"250410","customsCodes":["2504101000"],"mapping":"partial","inCatalog":true,"confirmed":true}],
         "citations":[{"fact":"instrument","text":"c","url":null,"confirmed":true},{"fact":"announced","text":"c","url":null,"confirmed":true},
                      {"fact":"inForce","text":"c","url":null,"confirmed":true},{"fact":"scope","text":"c","url":null,"confirmed":true},
                      {"fact":"hsCodes","text":"c","url":null,"confirmed":true}],
         "confirmed":true}
        """)!.AsObject();

    private static IReadOnlyList<PolicyEvent> Load(JsonObject entry)
    {
        var json = new JsonObject { ["events"] = new JsonArray(entry) }.ToJsonString();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return PolicyEvents.Load(stream, "events.json", TestCatalog.Service().Current);
    }

    [Fact]
    public void A_valid_entry_loads() => Assert.Single(Load(Valid()));

    [Theory]
    [InlineData("minerals", """["unobtainium"]""", "unknown mineral 'unobtainium'")]
    [InlineData("inForce", "\"2099-13-01\"", "inForce '2099-13-01' is not a date")]
    [InlineData("announced", "\"2099-03-01\"", "after inForce")]
    [InlineData("country", "\"XXX\"", "country 'XXX'")]
    [InlineData("kind", "\"embargo\"", "kind 'embargo'")]
    [InlineData("hsCodes", """[{"hs6":"380190","customsCodes":[],"mapping":"partial","inCatalog":true,"confirmed":true}]""", "hsCodes[0]: inCatalog is true but")]
    [InlineData("hsCodes", """[{"hs6":"250410","customsCodes":[],"mapping":"partial","inCatalog":false,"confirmed":true}]""", "inCatalog is false but")]
    [InlineData("hsCodes", """[{"hs6":"283691","customsCodes":[],"mapping":"exact","inCatalog":true,"confirmed":true}]""", "none of the event's minerals")]
    [InlineData("hsCodes", """[{"hs6":"250410","customsCodes":["2504201000"],"mapping":"partial","inCatalog":true,"confirmed":true}]""", "not an 8- or 10-digit subdivision of 250410")]
    [InlineData("statusHistory", """[{"status":"paused","from":"2099-02-01","citation":"c","confirmed":true}]""", "status 'paused'")]
    [InlineData("statusHistory", """[{"status":"in-force","from":"2099-02-01","until":"2099-01-01","citation":"c","confirmed":true}]""", "before from")]
    [InlineData("statusHistory", """[{"status":"in-force","from":"2099-02-01","confirmed":true}]""", "statusHistory[0]: missing citation")]
    [InlineData("suspends", """[{"event":"chn-2099-test","from":"2099-03-01","until":"2099-04-01"}]""", "no such 'suspended' entry")]
    [InlineData("citations", """[{"fact":"instrument","text":"c","url":null,"confirmed":true}]""", "no citation for the fact 'inForce'")]
    [InlineData("citations", """[{"fact":"instrument","text":"c","url":"mofcom.gov.cn/x","confirmed":true}]""", "not an absolute http(s) address")]
    public void A_bad_entry_is_an_error_naming_file_entry_and_problem(string field, string value, string problem)
    {
        var entry = Valid();
        entry[field] = JsonNode.Parse(value);

        var error = Assert.Throws<CatalogException>(() => Load(entry));

        Assert.StartsWith("events.json: entry 'chn-2099-test': ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }
}
