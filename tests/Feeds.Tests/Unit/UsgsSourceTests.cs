using System.Net;
using System.Text.Json;
using Feeds.Core;
using Feeds.Core.Reserves;
using Feeds.Local;
using Feeds.Tests.Support;

namespace Feeds.Tests.Unit;

/// <summary>The bundled manifest, the offline replay handler and the usgs settings.</summary>
public sealed class UsgsSourceTests
{
    private static readonly UsgsManifest Manifest = UsgsManifest.Load();

    [Fact]
    public void Every_default_url_replays_a_real_bundled_file()
    {
        Assert.Equal(66, Manifest.Files.Count);
        Assert.Equal(Manifest.Files.Count, Manifest.DefaultUrls.Distinct().Count());
        foreach (var entry in Manifest.Files)
        {
            Assert.True(File.Exists(Path.Combine(UsgsFiles.Root, entry.File)), entry.File);
            Assert.Equal(UsgsFiles.Bytes(entry.File), UsgsManifest.Read(entry.File)); // embedded bytes are the repository's
            Assert.Contains(entry.Kind, new[] { "byte-exact", "lossy-copy", "excerpt" });
            Assert.StartsWith("https://raw.githubusercontent.com/", entry.Url);
        }

        // The made-up MCS 2025 sample is gone; the byte-exact originals replace the lossy and reconstructed copies.
        Assert.DoesNotContain(UsgsFiles.All(), f => f.StartsWith("sample/", StringComparison.Ordinal) || f.StartsWith("mcs2024-reconstructed/", StringComparison.Ordinal));
        Assert.Contains(Manifest.Files, f => f.File == "mcs2026/MCS2026_Commodities_Data.excerpt.csv" && f.Url.EndsWith("/data/raw/usgs_mcs2026_commodities_data.csv", StringComparison.Ordinal));
        Assert.Contains(Manifest.Files, f => f.File == "mcs2025/world/MCS2025_World_Data.excerpt.csv");
        Assert.Contains(Manifest.Files, f => f.File == "mcs2024-originals/world/mcs2024-lithi_world.csv" && f.Kind == "byte-exact");
    }

    [Fact]
    public void Every_file_in_data_usgs_is_embedded_and_the_readme_names_the_corrections()
    {
        foreach (var file in UsgsFiles.All())
        {
            Assert.Equal(UsgsFiles.Bytes(file), UsgsManifest.Read(file));
        }

        var readme = File.ReadAllText(Path.Combine(UsgsFiles.Root, "README.md"));
        Assert.Contains("corrections.json", readme);
        Assert.Contains("commodity-aliases.json", readme);
        Assert.DoesNotContain("sample/MCS2025_World_Data.csv", readme);
    }

    [Fact]
    public async Task Replay_answers_like_a_server_with_etags_and_304()
    {
        using var client = new HttpClient(new UsgsReplayHandler(Manifest));
        var url = Manifest.Files.First(f => f.File.EndsWith("mcs2024-lithi_world.csv", StringComparison.Ordinal)).Url;

        using var first = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("mcs2024-lithi_world.csv", first.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(UsgsFiles.Bytes("mcs2024-originals/world/mcs2024-lithi_world.csv"), await first.Content.ReadAsByteArrayAsync());

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);

        using var unknown = await client.GetAsync("https://example.invalid/other.csv");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public void Url_setting_is_split_on_semicolons_and_unset_means_the_manifest()
    {
        Assert.Equal(Manifest.DefaultUrls, new UsgsOptions().UrlList(Manifest));
        Assert.Equal(["https://a/x.csv", "https://b/y.zip"], new UsgsOptions { Urls = " https://a/x.csv ;https://b/y.zip;; " }.UrlList(Manifest));
    }

    [Fact]
    public void Usgs_schedule_in_local_settings_matches_the_default()
    {
        var path = Path.Combine(RepositoryRoot.Find(), "functions", "Feeds.Functions", "local.settings.sample.json");
        var values = JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("Values");
        var schedule = FeedsSettingsTable.All.Single(s => s.Key == SettingKeys.UsgsSchedule).Default;
        Assert.Equal(schedule, values.GetProperty(SettingKeys.UsgsSchedule).GetString());
    }

    [Fact]
    public void A_zip_gives_its_csv_entries_and_a_broken_one_a_reason()
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "world/mcs2024-zinc_world.csv", "world/mcs2024-zinc_meta.xml", "__MACOSX/world/._mcs2024-zinc_world.csv" })
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write("x"u8);
            }
        }

        buffer.Position = 0;
        var (files, error) = UsgsArchive.Expand("world.zip", buffer);
        Assert.Null(error);
        var expanded = files.Select(f => (f.Name, Text: new StreamReader(f.Content).ReadToEnd())).ToList();
        Assert.Equal([("world.zip!mcs2024-zinc_world.csv", "x")], expanded);

        var (none, broken) = UsgsArchive.Expand("bad.zip", new MemoryStream([0x50, 0x4B, 0x03, 0x04, 0, 0]));
        Assert.Empty(none);
        Assert.StartsWith("not a readable ZIP archive", broken);
    }
}
