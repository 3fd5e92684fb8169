using System.Text;
using Feeds.Core.Catalog;
using Feeds.Tests.Support;

namespace Feeds.Tests.Unit.Indicators;

/// <summary>The policy events file loads, covers the reference's controls, and a bad entry is named.</summary>
public sealed class PolicyEventsTests
{
    [Fact]
    public void Embedded_events_load_and_cover_the_reference()
    {
        var events = TestCatalog.Register().All;
        foreach (var mineral in new[] { "gallium", "germanium", "graphite", "antimony", "ree", "tungsten", "dysprosium" })
        {
            Assert.Contains(events, e => e.Minerals.Contains(mineral));
        }

        Assert.All(events, e => Assert.False(string.IsNullOrWhiteSpace(e.SourceText)));
        Assert.Contains(events, e => e.Date == "2024-12-03" && e.SourceText.Contains("No. 46 of 2024", StringComparison.Ordinal));
    }

    [Fact]
    public void A_group_query_finds_member_events_and_a_member_query_finds_group_events()
    {
        var register = TestCatalog.Register();
        Assert.Contains(register.For("ree"), e => e.Minerals.Contains("dysprosium"));
        Assert.Contains(register.For("dysprosium"), e => e.Minerals.SequenceEqual(["ree"]));
    }

    [Fact]
    public void An_unknown_mineral_is_an_error_naming_file_and_entry()
    {
        const string json = """{"events":[{"id":"x1","date":"2023-08-01","country":"CHN","minerals":["unobtainium"],"title":"t","kind":"ban","summary":"s","sourceText":"No. 1"}]}""";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var error = Assert.Throws<CatalogException>(() => PolicyEvents.Load(stream, "events.json", new HashSet<string> { "gallium" }));
        Assert.Contains("events.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("x1", error.Message, StringComparison.Ordinal);
        Assert.Contains("unobtainium", error.Message, StringComparison.Ordinal);
    }
}
