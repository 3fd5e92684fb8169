using System.Text.Json;
using Azure.Data.Tables;
using Feeds.Core.Catalog;
using Feeds.Core.Pipeline;
using Feeds.Core.Storage;
using Feeds.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Feeds.Tests.Integration;

[Collection(AzuriteCollection.Name)]
public sealed class CatalogFeedTests(AzuriteFixture azurite)
{
    private static readonly string[] SystemColumns = ["odata.etag", "Timestamp"];

    [Fact]
    public async Task Seeds_the_catalog_tables_and_records_the_run()
    {
        await using var services = await TestStorage.CreateAsync(azurite);
        var feeds = services.GetRequiredService<FeedRunService>();

        var run = await feeds.RunAsync(CatalogFeed.FeedName, "test", force: false, null, CancellationToken.None);

        Assert.Equal(FeedRunStatus.Succeeded, run.Status);
        var counts = run.Outcome!.Records;
        Assert.True(counts.AddsUp);
        Assert.Equal(counts.Read, counts.Stored);

        var tables = services.GetRequiredService<FeedTables>();
        Assert.Equal(3, (await StoredAsync(tables, FeedTables.Minerals, CatalogEntities.ListsPartition)).Count);
        var lithium = (await StoredAsync(tables, FeedTables.Minerals, CatalogEntities.MineralsPartition)).Single(m => m.RowKey == "lithium");
        Assert.Contains("\"code\":\"283691\"", lithium.GetString("HsCodes"), StringComparison.Ordinal);
        var india = (await StoredAsync(tables, FeedTables.Countries, CatalogEntities.CountriesPartition)).Single(c => c.RowKey == "IND");
        Assert.Equal(["MSP", "QUAD"], JsonSerializer.Deserialize<string[]>(india.GetString("Memberships"))!.Order());

        var recorded = Assert.Single(await services.GetRequiredService<FeedRunStore>().LatestAsync(CatalogFeed.FeedName, 5, CancellationToken.None));
        Assert.Equal(run.RunId, recorded.RunId);
        Assert.Equal(FeedRunStatus.Succeeded, recorded.Status);
        Assert.Equal(counts, recorded.Outcome!.Records);
    }

    [Fact]
    public async Task Storing_the_same_input_twice_leaves_every_business_column_identical()
    {
        await using var services = await TestStorage.CreateAsync(azurite);
        var feeds = services.GetRequiredService<FeedRunService>();
        var tables = services.GetRequiredService<FeedTables>();

        await feeds.RunAsync(CatalogFeed.FeedName, "test", force: false, null, CancellationToken.None);
        var first = await Dump(tables);
        var again = await feeds.RunAsync(CatalogFeed.FeedName, "test", force: true, null, CancellationToken.None);
        var second = await Dump(tables);

        Assert.Equal(FeedRunStatus.Succeeded, again.Status);
        Assert.True(again.Outcome!.EntitiesWritten > 0); // forced: really written again
        Assert.Equal(first.Keys.Order(), second.Keys.Order());
        foreach (var (key, row) in first)
        {
            Assert.Equal(row, second[key]);
        }
    }

    [Fact]
    public async Task An_unchanged_catalog_is_not_rewritten()
    {
        await using var services = await TestStorage.CreateAsync(azurite);
        var feeds = services.GetRequiredService<FeedRunService>();

        await feeds.RunAsync(CatalogFeed.FeedName, "test", force: false, null, CancellationToken.None);
        var second = await feeds.RunAsync(CatalogFeed.FeedName, "test", force: false, null, CancellationToken.None);

        Assert.Equal(0, second.Outcome!.EntitiesWritten);
        Assert.Equal(second.Outcome.Records.Read, second.Outcome.Records.Unchanged);
        Assert.True(second.Outcome.Records.AddsUp);
    }

    [Fact]
    public async Task Entries_removed_from_the_files_are_removed_from_the_tables()
    {
        using var files = new CatalogFiles();
        await using var services = await TestStorage.CreateAsync(azurite, s => s.AddSingleton<ICatalogFiles>(files.Files));
        var feeds = services.GetRequiredService<FeedRunService>();
        await feeds.RunAsync(CatalogFeed.FeedName, "test", force: false, null, CancellationToken.None);

        files.Edit(CatalogLoader.MembershipsFile, doc =>
        {
            var groups = doc["groups"]!.AsArray();
            groups.Remove(groups.First(g => (string?)g!["id"] == "QUAD"));
        });
        var run = await feeds.RunAsync(CatalogFeed.FeedName, "test", force: false, null, CancellationToken.None);

        Assert.Equal(1, run.Outcome!.EntitiesDeleted);
        var tables = services.GetRequiredService<FeedTables>();
        var groupsLeft = await StoredAsync(tables, FeedTables.Countries, CatalogEntities.GroupsPartition);
        Assert.DoesNotContain(groupsLeft, g => g.RowKey == "QUAD");
        var india = (await StoredAsync(tables, FeedTables.Countries, CatalogEntities.CountriesPartition)).Single(c => c.RowKey == "IND");
        Assert.Equal(["MSP"], JsonSerializer.Deserialize<string[]>(india.GetString("Memberships"))!);
    }

    [Fact]
    public async Task A_broken_catalog_fails_the_run_and_leaves_the_stored_catalog_alone()
    {
        using var files = new CatalogFiles();
        await using var services = await TestStorage.CreateAsync(azurite, s => s.AddSingleton<ICatalogFiles>(files.Files));
        var feeds = services.GetRequiredService<FeedRunService>();
        await feeds.RunAsync(CatalogFeed.FeedName, "test", force: false, null, CancellationToken.None);
        var before = await Dump(services.GetRequiredService<FeedTables>());

        files.Edit(CatalogLoader.HsCodesFile, doc => doc["codes"]![0]!["code"] = "12345");
        var run = await feeds.RunAsync(CatalogFeed.FeedName, "test", force: false, null, CancellationToken.None);

        Assert.Equal(FeedRunStatus.Failed, run.Status);
        Assert.Contains("hs-codes.json", run.Error);
        Assert.Equal(before, await Dump(services.GetRequiredService<FeedTables>()));
        var latest = await services.GetRequiredService<FeedRunStore>().LatestAsync(CatalogFeed.FeedName, 1, CancellationToken.None);
        Assert.Equal(FeedRunStatus.Failed, latest.Single().Status);
    }

    /// <summary>Every catalog row's business columns, keyed by table/partition/row (system columns aside).</summary>
    private static async Task<Dictionary<string, string>> Dump(FeedTables tables)
    {
        var rows = new Dictionary<string, string>();
        foreach (var name in new[] { FeedTables.Minerals, FeedTables.Countries })
        {
            await foreach (var e in tables.Get(name).QueryAsync<TableEntity>())
            {
                var columns = e.Keys.Where(k => !SystemColumns.Contains(k)).Order(StringComparer.Ordinal)
                    .Select(k => $"{k}={e[k]}");
                rows[$"{name}/{e.PartitionKey}/{e.RowKey}"] = string.Join("|", columns);
            }
        }

        return rows;
    }

    /// <summary>What the catalog feed stored in one partition, read back as raw entities.</summary>
    private static async Task<List<TableEntity>> StoredAsync(FeedTables tables, string table, string partition)
    {
        var result = new List<TableEntity>();
        await foreach (var e in tables.Get(table).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}")))
        {
            result.Add(e);
        }

        return result;
    }
}
