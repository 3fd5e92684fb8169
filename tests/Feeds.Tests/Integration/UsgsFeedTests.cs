using System.IO.Compression;
using System.Text;
using Azure.Data.Tables;
using Feeds.Core.Pipeline;
using Feeds.Core.Reserves;
using Feeds.Core.Storage;
using Feeds.Local;
using Feeds.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Feeds.Core.Storage.UsgsMeasure;

namespace Feeds.Tests.Integration;

/// <summary>
/// The usgs feed end to end on Azurite: the bundled files replayed through the real HTTP pipeline (offline), and a
/// stand-in data-release server on loopback for ZIPs, conditional requests, failures and malformed files.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class UsgsFeedTests(AzuriteFixture azurite)
{
    private static readonly string[] SystemColumns = ["odata.etag", "Timestamp", "RunId"];

    private async Task<ServiceProvider> ServicesAsync(bool offline, string? urls = null)
    {
        var settings = TestStorage.Settings(azurite);
        settings[SettingKeys.SourcesOffline] = offline ? "true" : "false";
        if (urls is not null)
        {
            settings[SettingKeys.UsgsUrls] = urls;
        }

        var provider = TestStorage.Services(settings);
        await provider.GetRequiredService<FeedTables>().EnsureCreatedAsync(CancellationToken.None);
        return provider;
    }

    private static Task<FeedRunRecord> RunAsync(IServiceProvider services, bool force = false) =>
        services.GetRequiredService<FeedRunService>().RunAsync(UsgsFeed.FeedName, "test", force, null, CancellationToken.None);

    private static async Task<ReservesRow> StoredAsync(IServiceProvider services, string mineral, string edition, string measure, string country, int year, string product = "main")
    {
        var rows = await services.GetRequiredService<ReservesStore>().ReadAsync(mineral, edition, measure, CancellationToken.None);
        return Assert.Single(rows, r => r.Country.Key == country && r.Year == year && r.Product == product);
    }

    [Fact]
    public async Task Offline_run_replays_every_bundled_file_and_stores_the_real_values()
    {
        await using var services = await ServicesAsync(offline: true);

        var run = await RunAsync(services);

        Assert.Equal(FeedRunStatus.Succeeded, run.Status);
        var outcome = run.Outcome!;
        Assert.Equal(66, outcome.SlicesStored);
        Assert.True(outcome.Records.AddsUp);
        Assert.Equal(0, outcome.Records.Quarantined);
        Assert.True(outcome.Records.OutOfScope > 5_000, $"out of scope {outcome.Records.OutOfScope}");
        Assert.Equal(outcome.Records.Read, outcome.Records.Stored + outcome.Records.Superseded + outcome.Records.OutOfScope);
        Assert.Equal(outcome.Records.Stored, outcome.EntitiesWritten);

        var australia = await StoredAsync(services, "lithium", "MCS2024", Reserves, "AUS", 2023);
        Assert.Equal((6_200_000d, "exact", "lithium content"), (australia.ValueTons, australia.Qualifier, australia.Basis));
        var china = await StoredAsync(services, "ree", "MCS2024", MineProduction, "CHN", 2023);
        Assert.Equal((240_000d, "estimated"), (china.ValueTons, china.Qualifier));
        var nickel = await StoredAsync(services, "nickel", "MCS2024", Reserves, "WORLD", 2023);
        Assert.Equal((130_000_000d, "lower bound", ">130,000,000"), (nickel.ValueTons, nickel.Qualifier, nickel.ValuePublished));
        Assert.Equal(210_000d, (await StoredAsync(services, "ree", "MCS2023", MineProduction, "CHN", 2022)).ValueTons);
        Assert.Equal(88_000d, (await StoredAsync(services, "lithium", "MCS2025", MineProduction, "AUS", 2024)).ValueTons);
        Assert.Equal(92_000d, (await StoredAsync(services, "lithium", "MCS2026", MineProduction, "AUS", 2025)).ValueTons);

        var salient = await services.GetRequiredService<SalientStore>().ReadAsync("lithium", "MCS2024", CancellationToken.None);
        var t5 = Assert.Single(salient, s => s.Statistic == SalientRow.NetImportReliance && s.Label == "Net_Import_Reliance");
        Assert.Equal((">25", "lower bound", 25d, 2023), (t5.ValuePublished, t5.Qualifier, t5.Value, t5.Year));
        Assert.Contains(salient, s => s.Kind == SalientRow.ImportSourceKind && s.PartnerIso3 == "ARG" && s.Rank == 1);

        var recorded = Assert.Single(await services.GetRequiredService<FeedRunStore>().LatestAsync(UsgsFeed.FeedName, 5, CancellationToken.None));
        Assert.Equal(outcome.Records, recorded.Outcome!.Records);
    }

    [Fact]
    public async Task Second_run_sends_conditional_requests_and_counts_every_record_unchanged()
    {
        await using var services = await ServicesAsync(offline: true);
        var first = await RunAsync(services);

        var second = await RunAsync(services);

        Assert.Equal(FeedRunStatus.Succeeded, second.Status);
        Assert.Equal(66, second.Outcome!.SlicesUnchanged);
        Assert.Equal(0, second.Outcome.EntitiesWritten);
        Assert.Equal(first.Outcome!.Records.Read, second.Outcome.Records.Read);
        Assert.Equal(second.Outcome.Records.Read, second.Outcome.Records.Unchanged);
        Assert.True(second.Outcome.Records.AddsUp);
    }

    [Fact]
    public async Task Storing_the_same_files_twice_leaves_every_business_column_identical()
    {
        await using var services = await ServicesAsync(offline: true);
        var tables = services.GetRequiredService<FeedTables>();
        await RunAsync(services);
        var first = await DumpAsync(tables);

        var forced = await RunAsync(services, force: true);
        var second = await DumpAsync(tables);

        Assert.True(forced.Outcome!.EntitiesWritten > 0);
        Assert.Equal(first.Count, second.Count);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Zip_archives_csv_files_conditional_requests_and_a_failing_url_through_a_real_server()
    {
        await using var server = await UsgsStandInServer.StartAsync();
        var zip = server.Put("mcs2024/world.zip", Zip(
            ("world/mcs2024-lithi_world.csv", UsgsFiles.Bytes("mcs2024-originals/world/mcs2024-lithi_world.csv")),
            ("world/mcs2024-lithi_meta.xml", "<metadata/>"u8.ToArray()),
            ("world/mcs2024-cobal_world.csv", UsgsFiles.Bytes("mcs2024-originals/world/mcs2024-cobal_world.csv"))));
        var selenium = server.Put("mcs2024-selen_world.csv", UsgsFiles.CrlfBom(UsgsFiles.Bytes("mcs2024/world/mcs2024-selen_world.csv")));
        var world2025 = server.Put("MCS2025_World_Data.csv", UsgsFiles.Bytes("mcs2025/world/MCS2025_World_Data.excerpt.csv"));
        var missing = server.UrlOf("gone.csv");
        // Explicit URLs are used as given, even offline.
        await using var services = await ServicesAsync(offline: true, urls: $"{zip} ; {selenium};{world2025};{missing}");

        var run = await RunAsync(services);

        Assert.Equal(FeedRunStatus.PartiallyFailed, run.Status);
        // The slice by its URL, with the reason (shown on the keyed quarantine route; /api/feeds shows the key only).
        var failed = Assert.Single(run.Outcome!.FailedSlices);
        Assert.Equal(missing, FeedErrors.SliceKey(failed));
        Assert.Contains("answered 404", failed);
        Assert.Equal(3, run.Outcome.SlicesStored);
        Assert.True(run.Outcome.Records.AddsUp);
        var world2025Read = UsgsFiles.Parse("mcs2025/world/MCS2025_World_Data.excerpt.csv").Read;
        Assert.Equal(33 + 42 + 45 + world2025Read, run.Outcome.Records.Read); // lithium, cobalt (14 x 3), selenium (15 x 3), MCS 2025
        var lithium = await StoredAsync(services, "lithium", "MCS2024", Reserves, "AUS", 2023);
        Assert.Equal(("world.zip!mcs2024-lithi_world.csv", 6_200_000d), (lithium.SourceFile, lithium.ValueTons));
        Assert.Equal(11_000d, (await StoredAsync(services, "selenium", "MCS2024", Reserves, "USA", 2023)).ValueTons);
        Assert.Equal(7_000_000d, (await StoredAsync(services, "lithium", "MCS2025", Reserves, "AUS", 2024)).ValueTons);

        var again = await RunAsync(services);

        Assert.Equal(3, again.Outcome!.SlicesUnchanged);
        Assert.Equal(run.Outcome.Records.Read, again.Outcome.Records.Unchanged);
        var conditional = server.Requests.Where(r => r.Path == "mcs2024/world.zip").ToList();
        Assert.Equal(2, conditional.Count);
        Assert.Null(conditional[0].IfNoneMatch);
        Assert.NotNull(conditional[1].IfNoneMatch);
        Assert.Equal(UsgsStandInServer.LastModified.ToString("R"), conditional[1].IfModifiedSince);
        Assert.Equal(304, conditional[1].Status);
    }

    [Fact]
    public async Task A_changed_file_replaces_its_rows_and_removes_the_ones_it_no_longer_holds()
    {
        await using var server = await UsgsStandInServer.StartAsync();
        var text = Encoding.UTF8.GetString(UsgsFiles.Bytes("mcs2024/world/mcs2024-zinc_world.csv"));
        var url = server.Put("mcs2024-zinc_world.csv", Encoding.UTF8.GetBytes(text));
        await using var services = await ServicesAsync(offline: false, urls: url);
        await RunAsync(services);

        var withoutSweden = string.Join('\n', text.Split('\n').Where(l => !l.StartsWith("MCS2024,Sweden,", StringComparison.Ordinal)))
            .Replace("MCS2024,China,\"Mine production, zinc content of concentrates and direct shipping ores\",4040,4000", "MCS2024,China,\"Mine production, zinc content of concentrates and direct shipping ores\",4040,4100", StringComparison.Ordinal);
        server.Put("mcs2024-zinc_world.csv", Encoding.UTF8.GetBytes(withoutSweden));
        var run = await RunAsync(services);

        Assert.Equal(3, run.Outcome!.EntitiesDeleted);
        var rows = await services.GetRequiredService<ReservesStore>().ReadAsync("zinc", "MCS2024", null, CancellationToken.None);
        Assert.DoesNotContain(rows, r => r.Country.Key == "SWE");
        Assert.Equal(4_100_000d, rows.Single(r => r.Country.Key == "CHN" && r.Measure == MineProduction && r.Year == 2023).ValueTons);
    }

    [Fact]
    public async Task Duplicates_across_files_are_superseded_and_conflicts_quarantined()
    {
        await using var server = await UsgsStandInServer.StartAsync();
        var original = UsgsFiles.Bytes("mcs2024/world/mcs2024-tin_world.csv");
        var first = server.Put("a/mcs2024-tin_world.csv", original);
        var copy = server.Put("b/mcs2024-tin_world.csv", [.. original, .. "\n"u8.ToArray()]);
        var changed = server.Put("c/mcs2024-tin_world.csv", Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(original).Replace(",9000,9100,", ",9000,9200,", StringComparison.Ordinal)));
        await using var services = await ServicesAsync(offline: false, urls: $"{first};{copy};{changed}");

        var run = await RunAsync(services);

        var counts = run.Outcome!.Records;
        Assert.True(counts.AddsUp);
        Assert.Equal(17 * 3 * 3, counts.Read);
        Assert.Equal(17 * 3, counts.Stored);
        Assert.Equal((17 * 3) + (17 * 3) - 1, counts.Superseded);
        Assert.Equal(1, counts.Quarantined);
        var rejected = Assert.Single(await services.GetRequiredService<QuarantineStore>().ReadAsync(UsgsFeed.FeedName, run.RunId, 10, CancellationToken.None));
        Assert.Contains("conflicts with mcs2024-tin_world.csv line 3", rejected.Reason);
        Assert.Equal(9_100d, (await StoredAsync(services, "tin", "MCS2024", MineProduction, "AUS", 2023)).ValueTons);
    }

    [Fact]
    public async Task Malformed_and_mutated_files_through_the_feed_end_in_quarantine_never_in_a_failed_run()
    {
        await using var server = await UsgsStandInServer.StartAsync();
        var random = new Random(7);
        var urls = new List<string>();
        foreach (var file in new[] { "mcs2024/world/mcs2024-nicke_world.csv", "mcs2024-originals/world/mcs2024-lithi_world.csv", "mcs2024/world/mcs2024-potas_world.csv" })
        {
            var lines = Encoding.UTF8.GetString(UsgsFiles.Bytes(file)).Split('\n').ToList();
            for (var i = 0; i < 6; i++)
            {
                var at = random.Next(1, lines.Count);
                lines[at] = random.Next(3) switch
                {
                    0 => lines[at].Replace(",", ",\"", StringComparison.Ordinal),
                    1 => lines[at] + ",stray,",
                    _ => lines[at].Replace("MCS2024,", "MCS2024,Atlantis", StringComparison.Ordinal),
                };
            }

            urls.Add(server.Put("fuzz/" + Path.GetFileName(file), Encoding.UTF8.GetBytes(string.Join('\n', lines))));
        }

        urls.Add(server.Put("fuzz/mcs2024-broken_world.zip", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]));
        await using var services = await ServicesAsync(offline: false, urls: string.Join(';', urls));

        var run = await RunAsync(services);

        Assert.Equal(FeedRunStatus.Succeeded, run.Status);
        var counts = run.Outcome!.Records;
        Assert.True(counts.AddsUp);
        Assert.True(counts.Quarantined > 0);
        Assert.True(counts.Stored > 0);
        var rejected = await services.GetRequiredService<QuarantineStore>().ReadAsync(UsgsFeed.FeedName, run.RunId, 10_000, CancellationToken.None);
        Assert.Equal(counts.Quarantined, rejected.Count);
        Assert.Contains(rejected, q => q.Reason.StartsWith("not a readable ZIP archive", StringComparison.Ordinal));
    }

    private static byte[] Zip(params (string Name, byte[] Bytes)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(bytes);
            }
        }

        return buffer.ToArray();
    }

    private static async Task<Dictionary<string, string>> DumpAsync(FeedTables tables)
    {
        var rows = new Dictionary<string, string>();
        await foreach (var e in tables.Get(FeedTables.Reserves).QueryAsync<TableEntity>())
        {
            rows[$"{e.PartitionKey}/{e.RowKey}"] = string.Join("|", e.Keys.Where(k => !SystemColumns.Contains(k)).Order(StringComparer.Ordinal).Select(k => $"{k}={e[k]}"));
        }

        return rows;
    }
}
