using Feeds.Core.Catalog;

namespace Feeds.Tests.Unit;

/// <summary>The list arithmetic, computed from the data files (the expected figures are the published ones).</summary>
public sealed class MineralSelectionTests
{
    private static readonly CatalogData Catalog = CatalogLoader.Load(new EmbeddedCatalogFiles());
    private static readonly IReadOnlyList<Mineral> Minerals = Catalog.Minerals;

    private static IReadOnlyList<SelectedMineral> Select(ListCounting counting, params string[] lists) =>
        MineralSelection.Select(Minerals, Catalog.Lists, lists, counting);

    [Theory]
    [InlineData("IN2023", 30)]
    [InlineData("US2022", 50)]
    [InlineData("US2025", 60)]
    public void One_list_comes_as_published(string list, int count) =>
        Assert.Equal(count, Select(ListCounting.Published, list).Count);

    [Fact]
    public void One_list_as_published_keeps_the_published_order_and_names()
    {
        var india = Select(ListCounting.Published, "IN2023");
        Assert.Equal(Catalog.Lists.Single(l => l.Id == "IN2023").Entries.Select(e => e.Mineral), india.Select(s => s.Mineral.Id));
        Assert.Equal(["Phosphorous"], india.Single(s => s.Mineral.Id == "phosphorus").Listed.Single().As);
    }

    [Theory]
    [InlineData("US2025", ListCounting.Group, 26)]
    [InlineData("US2022", ListCounting.Group, 21)]
    [InlineData("US2025", ListCounting.Element, 45)]
    [InlineData("US2022", ListCounting.Element, 40)]
    public void India_US_overlap_matches_the_published_figures(string usList, ListCounting counting, int expected) =>
        Assert.Equal(expected, Select(counting, "IN2023", usList).Count);

    [Fact]
    public void India_US2025_overlap_holds_the_2025_additions_and_the_groups()
    {
        var ids = Select(ListCounting.Group, "IN2023", "US2025").Select(s => s.Mineral.Id).ToHashSet();
        Assert.Superset(new HashSet<string> { "copper", "potash", "rhenium", "silicon", "phosphorus", "ree", "pge" }, ids);
        Assert.DoesNotContain("molybdenum", ids);
        Assert.DoesNotContain("strontium", ids);
        Assert.DoesNotContain("selenium", ids);
        Assert.DoesNotContain("cadmium", ids);
    }

    [Fact]
    public void Group_counting_names_the_entries_that_put_a_group_on_each_list()
    {
        var ree = Select(ListCounting.Group, "IN2023", "US2025").Single(s => s.Mineral.Id == "ree");
        Assert.Equal(["REE"], ree.Listed.Single(l => l.List == "IN2023").As);
        Assert.Equal(16, ree.Listed.Single(l => l.List == "US2025").As.Count);
        Assert.Contains("Neodymium", ree.Listed.Single(l => l.List == "US2025").As);
    }

    [Theory]
    [InlineData(ListCounting.Published)]
    [InlineData(ListCounting.Group)]
    [InlineData(ListCounting.Element)]
    public void Listed_means_the_same_whatever_the_query(ListCounting counting)
    {
        // The overlap view once read /api/minerals without lists, where ree was "India only": 24 on both, not 26.
        var all = Select(counting).ToDictionary(s => s.Mineral.Id);
        var pair = Select(ListCounting.Group, "IN2023", "US2025").ToDictionary(s => s.Mineral.Id);

        foreach (var (id, selected) in pair.Where(p => all.ContainsKey(p.Key)))
        {
            Assert.Equal(
                selected.Listed.Select(l => (l.List, string.Join('|', l.As))),
                all[id].Listed.Where(l => l.List is "IN2023" or "US2025").Select(l => (l.List, string.Join('|', l.As))));
        }

        var onBoth = all.Values.Count(s => s.Listed.Any(l => l.List == "IN2023") && s.Listed.Any(l => l.List == "US2025")
            && s.Mineral.Group is null);
        Assert.Equal(counting == ListCounting.Element ? 24 : 26, onBoth);
    }

    [Fact]
    public void Element_counting_expands_India_groups_into_members()
    {
        var selected = Select(ListCounting.Element, "IN2023", "US2025");
        var neodymium = selected.Single(s => s.Mineral.Id == "neodymium");
        Assert.Equal(["REE"], neodymium.Listed.Single(l => l.List == "IN2023").As);
        Assert.DoesNotContain(selected, s => s.Mineral.IsGroup);
    }

    [Fact]
    public void The_2025_only_matches_drop_out_against_2022()
    {
        var with2025 = Select(ListCounting.Group, "IN2023", "US2025").Select(s => s.Mineral.Id);
        var with2022 = Select(ListCounting.Group, "IN2023", "US2022").Select(s => s.Mineral.Id);
        Assert.Equal(["copper", "phosphorus", "potash", "rhenium", "silicon"], with2025.Except(with2022).Order());
    }

    [Fact]
    public void Group_counting_of_one_US_list_collapses_the_elements()
    {
        // US2022: 50 entries, of which 16 REE and 5 PGE elements -> 29 others + 2 groups.
        var us2022 = Select(ListCounting.Group, "US2022");
        Assert.Equal(31, us2022.Count);
        Assert.Contains(us2022, s => s.Mineral.Id == "ree");
    }
}
