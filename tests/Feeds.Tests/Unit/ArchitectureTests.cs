using ArchUnitNET.Domain;
using ArchUnitNET.Fluent.Syntax.Elements.Types;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using Feeds.Core;
using Feeds.Core.Pipeline;
using Feeds.Core.Snapshots;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Feeds.Tests.Unit;

/// <summary>
/// The house plan (docs/architecture.md), enforced on the compiled code: the plumbing knows no slice, a slice knows
/// only the plumbing, the catalog and the shared analysis, and nothing but a host calls a route's class.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Architecture Core = new ArchLoader().LoadAssemblies(typeof(Feeds.Core.Identifiers).Assembly).Build();

    /// <summary>Shared plumbing: every slice may use it; it uses no slice.</summary>
    public static readonly string[] Plumbing = ["Http", "Storage", "Pipeline", "Configuration"];

    /// <summary>Shared domain: the catalog (reference data) and the calculations several slices make on stored rows.</summary>
    public static readonly string[] Shared = ["Catalog", "Analysis"];

    /// <summary>The slices: one dataset or concern each, each with its feed or job, its routes and its response types.</summary>
    public static readonly string[] Slices = ["Trade", "Reserves", "Events", "Indicators", "Snapshots", "Operations"];

    private static GivenTypesConjunction In(params string[] names) =>
        Types().That().ResideInNamespaceMatching($@"^Feeds\.Core\.({string.Join('|', names)})$");

    [Fact]
    public void Every_layer_named_here_exists()
    {
        foreach (var name in Plumbing.Concat(Shared).Concat(Slices))
        {
            Assert.Contains(Core.Types, t => t.Namespace.FullName == $"Feeds.Core.{name}");
        }
    }

    [Fact]
    public void Plumbing_uses_no_slice_and_no_shared_domain() =>
        In(Plumbing).Should().NotDependOnAny(In([.. Shared, .. Slices])).Check(Core);

    [Fact]
    public void The_catalog_uses_only_the_plumbing() =>
        In("Catalog").Should().NotDependOnAny(In(["Analysis", .. Slices])).Check(Core);

    [Fact]
    public void The_shared_analysis_uses_only_the_plumbing_and_the_catalog() =>
        In("Analysis").Should().NotDependOnAny(In(Slices)).Check(Core);

    [Theory]
    [MemberData(nameof(SliceNames))]
    public void A_slice_uses_no_other_slice(string slice) =>
        In(slice).Should().NotDependOnAny(In([.. Slices.Where(s => s != slice)])).Check(Core);

    public static TheoryData<string> SliceNames() => [.. Slices];

    [Fact]
    public void Only_the_hosts_and_the_registrations_reach_a_route_class() =>
        Types().That().ResideInNamespaceMatching(@"^Feeds\.Core(\..+)?$")
            .And().DoNotHaveNameEndingWith("Api")
            .And().DoNotHaveNameEndingWith("ServiceCollectionExtensions")
            .And().AreNotNested()
            .Should().NotDependOnAny(Types().That().HaveNameEndingWith("Api"))
            .Check(Core);

    [Fact]
    public void The_snapshot_registry_names_registered_feeds_only()
    {
        using var services = new ServiceCollection().AddLogging().AddFeedsCore(new ConfigurationBuilder().Build()).BuildServiceProvider();
        var feeds = services.GetServices<IFeedRunner>().Select(f => f.Name).ToHashSet();

        Assert.All(SnapshotDatasets.All.SelectMany(d => d.Feeds), feed => Assert.Contains(feed, feeds));
        Assert.All(feeds, feed => Assert.Contains(SnapshotDatasets.All, d => d.Feeds.Contains(feed)));
    }
}
