using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using CsvHelper;
using Feeds.Core.Pipeline;
using Feeds.Core.Snapshots;
using Feeds.Core.Storage;
using Feeds.Local;
using Feeds.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Parquet;
using Parquet.Schema;

namespace Feeds.Tests.Integration;

/// <summary>
/// Partner snapshots on Azurite, over the tables every feed filled from the offline replay: files equal the tables,
/// hashes match, faults and re-runs leave latest.json on a complete set, pruning spares it, the routes and the pull
/// script work.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SnapshotTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private LocalServer _server = null!;
    private SnapshotExporter _exporter = null!;
    private SnapshotStore _store = null!;
    private FeedTables _tables = null!;

    public async Task InitializeAsync() => await StartAsync(keep: 30);

    private async Task StartAsync(int keep, bool seeded = true)
    {
        // The seeded tables (read only here), or empty ones; a container of this test's own.
        var prefix = seeded ? (await azurite.SeededServerAsync()).App.Configuration[SettingKeys.TablePrefix] : null;
        var settings = TestStorage.Settings(azurite, prefix);
        settings[SettingKeys.SnapshotsContainer] = "t" + Guid.NewGuid().ToString("N")[..12];
        settings[SettingKeys.SnapshotsKeep] = keep.ToString(CultureInfo.InvariantCulture);
        _server = await LocalServer.StartAsync(settings, seedCatalog: false, services =>
            services.AddSingleton(new SnapshotTimings { MaxWait = TimeSpan.FromSeconds(2), PollInterval = TimeSpan.FromMilliseconds(200) }));
        _exporter = _server.App.Services.GetRequiredService<SnapshotExporter>();
        _store = _server.App.Services.GetRequiredService<SnapshotStore>();
        _tables = _server.App.Services.GetRequiredService<FeedTables>();
    }

    public async Task DisposeAsync()
    {
        await _store.Container.DeleteIfExistsAsync();
        await _server.DisposeAsync();
    }

    private async Task<byte[]> DownloadAsync(string path) =>
        (await _store.Container.GetBlobClient(path).DownloadContentAsync()).Value.Content.ToArray();

    private async Task<List<TableEntity>> TableAsync(string table) =>
        await _tables.Get(table).QueryAsync<TableEntity>().ToListAsync();

    /// <summary>
    /// The table's value for a column, as the documented file format must carry it (docs/partner-snapshots.md):
    /// whole numbers as Int64, timestamps cut to microseconds, the row flag false for real data; null when absent.
    /// Computed here from the entity, never with the exporter's own code.
    /// </summary>
    private static object? Expected(TableEntity entity, SnapshotColumn column) => column.Property switch
    {
        "PartitionKey" => entity.PartitionKey,
        "RowKey" => entity.RowKey,
        _ when entity.TryGetValue(column.Property, out var v) && v is not null => column.Type switch
        {
            SnapshotColumnType.Int64 => Convert.ToInt64(v, CultureInfo.InvariantCulture),
            SnapshotColumnType.Double => Convert.ToDouble(v, CultureInfo.InvariantCulture),
            SnapshotColumnType.Timestamp => new DateTimeOffset(((DateTimeOffset)v).UtcTicks - (((DateTimeOffset)v).UtcTicks % 10), TimeSpan.Zero),
            _ => v,
        },
        "IsSample" => false,
        _ => null,
    };

    /// <summary>A CSV field read back by the rules partners are told: invariant numbers, true/false, ISO 8601 UTC; empty is null.</summary>
    private static object? ReadField(string field, SnapshotColumnType type) => field.Length == 0 && type != SnapshotColumnType.String ? null : type switch
    {
        SnapshotColumnType.Int32 or SnapshotColumnType.Int64 => long.Parse(field, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
        SnapshotColumnType.Double => double.Parse(field, NumberStyles.Float, CultureInfo.InvariantCulture),
        SnapshotColumnType.Boolean => field switch { "true" => true, "false" => false, _ => throw new FormatException($"'{field}' is not true or false") },
        SnapshotColumnType.Timestamp => DateTimeOffset.ParseExact(field, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        _ => field,
    };

    /// <summary>Compares after widening Int32 to Int64 (Parquet and the table may differ there only).</summary>
    private static void AssertSame(object? expected, object? actual, string where)
    {
        static object? Widen(object? v) => v is int i ? (long)i : v;
        var e = Widen(expected);
        var a = Widen(actual);
        // A null string and an empty CSV field are the same; elsewhere null must be null.
        if (e is null && a is "")
        {
            return;
        }

        Assert.True(Equals(e, a), $"{where}: expected {e ?? "null"} ({e?.GetType().Name}), read {a ?? "null"} ({a?.GetType().Name})");
    }

    [Fact]
    public async Task Files_read_back_equal_the_tables_and_the_manifest_hashes_match_the_blobs()
    {
        var run = await _exporter.ExportAsync(new DateOnly(2026, 3, 1), "test", null, CancellationToken.None);
        var manifest = run.Manifest;

        Assert.Equal(SnapshotDatasets.All.Count * 2, manifest.Files.Count);
        Assert.StartsWith("2026-03-01/", manifest.Folder);
        Assert.Contains(manifest.FeedRuns, r => r.Feed == "comtrade" && r.Status == "Succeeded" && r.Datasets.Contains("trade_flows"));
        foreach (var file in manifest.Files)
        {
            var bytes = await DownloadAsync(file.Path);
            Assert.Equal(file.Bytes, bytes.Length);
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }

        foreach (var dataset in SnapshotDatasets.All)
        {
            var entities = (await TableAsync(dataset.Table)).ToDictionary(e => (e.PartitionKey, e.RowKey));
            Assert.NotEmpty(entities);
            var csvFile = manifest.Files.Single(f => f.Dataset == dataset.Name && f.Format == "csv.gz");
            var parquetFile = manifest.Files.Single(f => f.Dataset == dataset.Name && f.Format == "parquet");
            var columns = csvFile.Columns;
            Assert.Equal(entities.Count, csvFile.Rows);
            Assert.Contains(columns, c => c.Name == "is_sample" && c.Type == SnapshotColumnType.Boolean && !c.Nullable);
            // Every property of every entity has a column.
            var properties = entities.Values.SelectMany(e => e.Keys).Where(k => k is not ("Timestamp" or "odata.etag")).ToHashSet();
            Assert.Subset(columns.Select(c => c.Property).ToHashSet(), properties);

            // CSV in a standard reader: header equals the declared columns, every value equals the table's.
            using (var reader = new StreamReader(new GZipStream(new MemoryStream(await DownloadAsync(csvFile.Path)), CompressionMode.Decompress)))
            using (var csv = new CsvReader(reader, CultureInfo.InvariantCulture))
            {
                Assert.True(await csv.ReadAsync());
                csv.ReadHeader();
                Assert.Equal(columns.Select(c => c.Name), csv.HeaderRecord!);
                var rows = 0;
                while (await csv.ReadAsync())
                {
                    rows++;
                    var entity = entities[(csv.GetField(0)!, csv.GetField(1)!)];
                    for (var c = 0; c < columns.Count; c++)
                    {
                        AssertSame(Expected(entity, columns[c]), ReadField(csv.GetField(c)!, columns[c].Type), $"{dataset.Name} CSV {columns[c].Name}");
                    }
                }

                Assert.Equal(entities.Count, rows);
            }

            // Parquet in Parquet.Net: the declared schema, the same rows and values.
            using var stream = new MemoryStream(await DownloadAsync(parquetFile.Path));
            await using var parquet = await ParquetReader.CreateAsync(stream);
            var fields = parquet.Schema.GetDataFields();
            Assert.Equal(columns.Select(c => c.Name), fields.Select(f => f.Name));
            for (var c = 0; c < columns.Count; c++)
            {
                // Parquet.Net reports string columns as ReadOnlyMemory<char> (its zero-copy form).
                var type = fields[c].ClrType == typeof(ReadOnlyMemory<char>) ? typeof(string) : fields[c].ClrType;
                Assert.Equal(SnapshotParquet.ClrType(columns[c].Type), type);
                Assert.Equal(columns[c].Nullable, fields[c].IsNullable);
            }

            long parquetRows = 0;
            for (var g = 0; g < parquet.RowGroupCount; g++)
            {
                using var group = parquet.OpenRowGroupReader(g);
                var n = (int)group.RowCount;
                var values = new List<object?[]>();
                for (var c = 0; c < columns.Count; c++)
                {
                    values.Add(await ReadColumnAsync(group, fields[c], columns[c], n));
                }

                for (var r = 0; r < n; r++)
                {
                    var entity = entities[((string)values[0][r]!, (string)values[1][r]!)];
                    for (var c = 0; c < columns.Count; c++)
                    {
                        var value = values[c][r] is DateTime t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : values[c][r];
                        AssertSame(Expected(entity, columns[c]), value, $"{dataset.Name} Parquet {columns[c].Name}");
                    }
                }

                parquetRows += n;
            }

            Assert.Equal(entities.Count, parquetRows);
        }

        // Trade rows keep their numbers as numbers and their real-or-sample flag.
        var trade = manifest.Files.First(f => f.Dataset == "trade_flows").Columns;
        Assert.Equal(SnapshotColumnType.Double, trade.Single(c => c.Name == "value_usd").Type);
        Assert.Equal(SnapshotColumnType.Int32, trade.Single(c => c.Name == "year").Type);
    }

    private static async Task<object?[]> ReadColumnAsync(ParquetRowGroupReader group, DataField field, SnapshotColumn column, int n)
    {
        switch (column.Type)
        {
            case SnapshotColumnType.String:
                var strings = new string?[n];
                await group.ReadAsync(field, strings.AsMemory());
                return strings;
            case SnapshotColumnType.Int32: return await ReadStructAsync<int>(group, field, column.Nullable, n);
            case SnapshotColumnType.Int64: return await ReadStructAsync<long>(group, field, column.Nullable, n);
            case SnapshotColumnType.Double: return await ReadStructAsync<double>(group, field, column.Nullable, n);
            case SnapshotColumnType.Boolean: return await ReadStructAsync<bool>(group, field, column.Nullable, n);
            default: return await ReadStructAsync<DateTime>(group, field, column.Nullable, n);
        }
    }

    private static async Task<object?[]> ReadStructAsync<T>(ParquetRowGroupReader group, DataField field, bool nullable, int n) where T : struct
    {
        if (nullable)
        {
            var values = new T?[n];
            await group.ReadAsync<T>(field, values.AsMemory());
            return values.Select(v => v.HasValue ? (object?)v.Value : null).ToArray();
        }

        var plain = new T[n];
        await group.ReadAsync<T>(field, plain.AsMemory());
        return plain.Select(v => (object?)v).ToArray();
    }

    /// <summary>Fails on the given report (the exporter reports after each verified file), like a crash between files.</summary>
    private sealed class FailOn(int report) : IProgress<string>
    {
        private int _reports;

        public void Report(string value)
        {
            if (++_reports == report)
            {
                throw new IOException("injected fault between files");
            }
        }
    }

    [Fact]
    public async Task A_fault_between_files_leaves_latest_on_the_previous_complete_set()
    {
        var first = await _exporter.ExportAsync(null, "test", null, CancellationToken.None);

        var fault = await Assert.ThrowsAsync<IOException>(() => _exporter.ExportAsync(null, "test", new FailOn(3), CancellationToken.None));

        Assert.Contains("injected", fault.Message);
        var latest = await _store.ReadLatestAsync(CancellationToken.None);
        Assert.Equal(first.Manifest.Folder, latest!.Value.Pointer.Folder);
        var folders = await _store.ListFoldersAsync(CancellationToken.None);
        Assert.Equal(2, folders.Count);
        Assert.Single(folders, f => f.Complete);
        var runs = await _server.App.Services.GetRequiredService<FeedRunStore>().LatestAsync(SnapshotExporter.RunPartition, 1, CancellationToken.None);
        Assert.Equal(FeedRunStatus.Failed, runs[0].Status);
    }

    [Fact]
    public async Task Two_runs_for_one_date_leave_two_complete_folders_and_latest_on_the_second()
    {
        var date = new DateOnly(2026, 3, 2);
        var first = await _exporter.ExportAsync(date, "test", null, CancellationToken.None);
        var second = await _exporter.ExportAsync(date, "test", null, CancellationToken.None);

        Assert.NotEqual(first.Manifest.Folder, second.Manifest.Folder);
        var folders = await _store.ListFoldersAsync(CancellationToken.None);
        Assert.Equal([second.Manifest.Folder, first.Manifest.Folder], folders.Where(f => f.Complete).Select(f => f.Folder));
        Assert.Equal(second.Manifest.Folder, (await _store.ReadLatestAsync(CancellationToken.None))!.Value.Pointer.Folder);
        foreach (var manifest in new[] { first.Manifest, second.Manifest })
        {
            foreach (var file in manifest.Files)
            {
                var bytes = await DownloadAsync(file.Path);
                Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            }
        }
    }

    [Fact]
    public async Task Pruning_keeps_the_newest_and_the_folder_latest_names()
    {
        await DisposeAsync();
        await StartAsync(keep: 2);
        var a = await _exporter.ExportAsync(null, "test", null, CancellationToken.None);
        var b = await _exporter.ExportAsync(null, "test", null, CancellationToken.None);
        var c = await _exporter.ExportAsync(null, "test", null, CancellationToken.None);
        Assert.Empty(b.Pruned);
        Assert.Equal([a.Manifest.Folder], c.Pruned);

        // An operator rolls latest.json back to b; a prune keeping only one folder keeps the newest (c) and b.
        await PointLatestAtAsync(b.Manifest);
        var keepOne = new SnapshotPruner(_store, Microsoft.Extensions.Options.Options.Create(new SnapshotOptions { Container = _store.Container.Name, Keep = 1 }));
        Assert.Empty(await keepOne.PruneAsync(CancellationToken.None));
        Assert.Equal([c.Manifest.Folder, b.Manifest.Folder], (await _store.ListFoldersAsync(CancellationToken.None)).Select(f => f.Folder));

        // Once latest.json names c again, b goes.
        await PointLatestAtAsync(c.Manifest);
        Assert.Equal([b.Manifest.Folder], await keepOne.PruneAsync(CancellationToken.None));
        Assert.Equal([c.Manifest.Folder], (await _store.ListFoldersAsync(CancellationToken.None)).Select(f => f.Folder));
    }

    private Task PointLatestAtAsync(SnapshotManifest m) =>
        _store.Container.GetBlobClient(SnapshotStore.LatestBlob).UploadAsync(
            BinaryData.FromObjectAsJson(new SnapshotPointer(1, m.Date, m.RunId, m.Folder, m.Folder + SnapshotStore.ManifestName, m.GeneratedAt),
                Core.Http.ApiResponses.JsonOptions), overwrite: true);

    [Fact]
    public async Task A_running_feed_holds_the_export_back_and_a_dead_one_does_not()
    {
        // Tables of its own: the run records written here must not touch the shared seeded feeds' freshness.
        await DisposeAsync();
        await StartAsync(keep: 30, seeded: false);
        await _tables.EnsureCreatedAsync(CancellationToken.None);
        var runs = _server.App.Services.GetRequiredService<FeedRunStore>();
        var time = TimeProvider.System.GetUtcNow();
        // A dead Running record (older than the function timeout) does not block.
        var dead = new FeedRunRecord("usgs", "dead-run", "test", FeedRunStatus.Running, time.AddHours(-2), null, null, null);
        await runs.SaveAsync(dead, CancellationToken.None);
        var exported = await _exporter.ExportAsync(null, "test", null, CancellationToken.None);
        Assert.Contains(exported.Manifest.FeedRuns, r => r.Feed == "usgs" && r.RunId == "dead-run");

        // A live one does: the export waits, gives up, and latest.json stays where it was.
        var live = new FeedRunRecord("usgs", "live-run", "test", FeedRunStatus.Running, time.AddSeconds(1), null, null, null);
        await runs.SaveAsync(live, CancellationToken.None);
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAsync<TimeoutException>(() => _exporter.ExportAsync(null, "test", null, CancellationToken.None));
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1.5), $"gave up after {watch.Elapsed}");
        Assert.Equal(exported.Manifest.Folder, (await _store.ReadLatestAsync(CancellationToken.None))!.Value.Pointer.Folder);
    }

    [Fact]
    public async Task Routes_answer_404_before_a_snapshot_then_the_manifest_and_working_links()
    {
        using (var none = await _server.Client.GetAsync("/api/snapshots/latest"))
        {
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
            Assert.StartsWith("application/problem+json", none.Content.Headers.ContentType!.ToString());
        }

        using (var bad = await _server.Client.GetAsync("/api/snapshots/latest/links?date=2026-01-01"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("date", JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("parameter").GetString());
        }

        var run = await _exporter.ExportAsync(null, "test", null, CancellationToken.None);
        var manifest = await _server.Client.GetByteArrayAsync("/api/snapshots/latest");
        Assert.Equal(await DownloadAsync(run.Manifest.Folder + SnapshotStore.ManifestName), manifest);

        var list = JsonDocument.Parse(await _server.Client.GetStringAsync("/api/snapshots")).RootElement;
        Assert.Equal(run.Manifest.Folder, list.GetProperty("latest").GetString());

        var links = JsonDocument.Parse(await _server.Client.GetStringAsync("/api/snapshots/latest/links")).RootElement;
        var expires = links.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(expires - TimeProvider.System.GetUtcNow(), TimeSpan.FromMinutes(50), TimeSpan.FromHours(1));
        using var anonymous = new HttpClient();
        foreach (var file in links.GetProperty("files").EnumerateArray())
        {
            var url = new Uri(file.GetProperty("url").GetString()!);
            Assert.Contains("sp=r", url.Query);
            var bytes = await anonymous.GetByteArrayAsync(url);
            Assert.Equal(file.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }

        // Read-only: the link cannot write.
        var first = new Uri(links.GetProperty("files")[0].GetProperty("url").GetString()!);
        using var put = new HttpRequestMessage(HttpMethod.Put, first) { Content = new ByteArrayContent([1]) };
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        using var denied = await anonymous.SendAsync(put);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task Pull_script_downloads_and_verifies_the_latest_snapshot_and_fails_on_a_changed_file()
    {
        var run = await _exporter.ExportAsync(null, "test", null, CancellationToken.None);
        var dest = Path.Combine(Path.GetTempPath(), "feeds-pull-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            foreach (var tool in new[] { "jq", "python3" })
            {
                var (code, output) = await PullAsync(dest + tool, tool);
                Assert.True(code == 0, output);
                Assert.Contains($"verified {run.Manifest.Files.Count} files", output);
                Assert.True(File.Exists(Path.Combine(dest + tool, run.Manifest.Folder, ".verified")));
            }

            // A file silently changed in storage: the script notices and fails.
            var victim = run.Manifest.Files[0];
            await new BlobClient(azurite.ConnectionString, _store.Container.Name, victim.Path)
                .UploadAsync(BinaryData.FromString("changed"), overwrite: true);
            var (failed, message) = await PullAsync(dest + "bad", "jq");
            Assert.NotEqual(0, failed);
            Assert.Contains(victim.Path, message);
        }
        finally
        {
            foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), Path.GetFileName(dest) + "*"))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    private async Task<(int Code, string Output)> PullAsync(string dest, string jsonTool)
    {
        var result = await ProcessRunner.RunAsync("bash", [Path.Combine(RepositoryRoot.Find(), "scripts", "pull-snapshot.sh"), _server.Client.BaseAddress!.ToString(), dest],
            RepositoryRoot.Find(), TimeSpan.FromMinutes(2), CancellationToken.None, environment: new Dictionary<string, string?> { ["FEEDS_JSON_TOOL"] = jsonTool });
        return (result.ExitCode, result.Output);
    }
}
