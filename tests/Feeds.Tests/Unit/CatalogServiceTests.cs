using Feeds.Core.Catalog;
using Feeds.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Feeds.Tests.Unit;

/// <summary>The catalog service's cache lives for its time to live on the injected clock, and never serves invalid files.</summary>
public sealed class CatalogServiceTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Edited_files_are_seen_after_the_time_to_live_and_not_before()
    {
        using var files = new CatalogFiles();
        var clock = new FakeTimeProvider(Start);
        var catalog = TestCatalog.Service(files.Files, clock);
        var before = catalog.Current;

        files.Edit(CatalogLoader.MineralsFile, doc => doc["minerals"]![0]!["name"] = "Renamed");
        clock.Advance(CatalogService.TimeToLive - TimeSpan.FromSeconds(1));
        Assert.Same(before, catalog.Current);

        clock.Advance(TimeSpan.FromSeconds(1));
        var after = catalog.Current;
        Assert.NotEqual(before.Version, after.Version);
        Assert.Equal("Renamed", after.Minerals[0].Name);
    }

    [Fact]
    public void Unchanged_files_keep_the_same_instance_after_the_time_to_live()
    {
        using var files = new CatalogFiles();
        var clock = new FakeTimeProvider(Start);
        var catalog = TestCatalog.Service(files.Files, clock);
        var before = catalog.Current;

        clock.Advance(CatalogService.TimeToLive * 3);

        Assert.Same(before, catalog.Current);
    }

    [Fact]
    public void Files_edited_into_an_invalid_state_keep_the_last_valid_catalog_but_a_reload_reports_them()
    {
        using var files = new CatalogFiles();
        var clock = new FakeTimeProvider(Start);
        var catalog = TestCatalog.Service(files.Files, clock);
        var before = catalog.Current;

        files.Edit(CatalogLoader.ListsFile, doc => doc["lists"]![0]!["entries"]![0]!["mineral"] = "nothing");
        clock.Advance(CatalogService.TimeToLive);

        Assert.Same(before, catalog.Current);
        Assert.Throws<CatalogException>(catalog.Reload);
    }
}
