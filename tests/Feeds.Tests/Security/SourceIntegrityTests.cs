using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using Azure.Data.Tables;
using Feeds.Core.Pipeline;
using Feeds.Core.Reserves;
using Feeds.Core.Storage;
using Feeds.Local;
using Feeds.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace Feeds.Tests.Security;

/// <summary>
/// What the usgs feed reads is what was pinned: each default URL's file is checked against the SHA-256 in
/// data/usgs/manifest.json before a byte of it is parsed, and a ZIP is decompressed through caps (per entry, per
/// archive, entry count) whatever sizes it declares.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SourceIntegrityTests(AzuriteFixture azurite)
{
    private static readonly UsgsManifest Manifest = UsgsManifest.Load();

    [Fact]
    public void Every_default_url_is_pinned_and_byte_exact_copies_hash_to_their_pin()
    {
        Assert.Equal(66, Manifest.Files.Count);
        Assert.All(Manifest.Files, f => Assert.Matches("^[0-9a-f]{64}$", f.Sha256));
        foreach (var file in Manifest.Files)
        {
            var bundled = Convert.ToHexStringLower(SHA256.HashData(UsgsManifest.Read(file.File)));
            // The pins were read from the mirrors' git history at the pinned commits: a byte-exact copy has the same bytes;
            // an excerpt or a lossy copy does not (the replay serves those offline only).
            Assert.True((bundled == file.Sha256) == (file.Kind == "byte-exact"), $"{file.File} ({file.Kind}): bundled {bundled}, pinned {file.Sha256}");
        }
    }

    /// <summary>Stands in for the mirror on the network (never the replay): the pinned file, or a changed copy of it.</summary>
    private sealed class Mirror(byte[] bytes) : HttpMessageHandler
    {
        public byte[] Bytes { get; set; } = bytes;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new ByteArrayContent(Bytes) });
    }

    [Fact]
    public async Task A_download_that_differs_from_its_pin_is_refused_before_it_is_parsed()
    {
        var pinned = Manifest.Files.First(f => f.Kind == "byte-exact" && f.File.EndsWith("mcs2024-lithi_world.csv", StringComparison.Ordinal));
        var genuine = UsgsManifest.Read(pinned.File);
        var tampered = (byte[])genuine.Clone();
        var digit = Array.FindLastIndex(tampered, b => b is >= (byte)'1' and <= (byte)'8');
        tampered[digit]++; // one figure changed: still a perfectly parseable file
        var mirror = new Mirror(tampered);
        await using var services = await TestStorage.CreateAsync(azurite,
            configure: s => s.PostConfigure<HttpClientFactoryOptions>(UsgsSource.ClientName, o => o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = mirror)),
            extraSettings: new Dictionary<string, string?> { [SettingKeys.SourcesOffline] = "false", [SettingKeys.UsgsUrls] = pinned.Url });
        var feeds = services.GetRequiredService<FeedRunService>();

        var refused = await feeds.RunAsync(UsgsFeed.FeedName, "test", false, null, CancellationToken.None);

        Assert.Equal(FeedRunStatus.PartiallyFailed, refused.Status);
        var reason = Assert.Single(refused.Outcome!.FailedSlices);
        Assert.Contains($"manifest.json pins {pinned.Sha256}", reason);
        Assert.Equal(0, refused.Outcome.Records.Read);
        var reserves = services.GetRequiredService<FeedTables>().Get(FeedTables.Reserves);
        Assert.Empty(await reserves.QueryAsync<TableEntity>(maxPerPage: 1).Take(1).ToListAsync());
        Assert.Null(await services.GetRequiredService<FeedCheckpointStore>().GetAsync(UsgsFeed.FeedName, UsgsFeed.SliceKey(pinned.Url), CancellationToken.None));
        Assert.Equal(FeedErrors.Data, FeedErrors.Category(new InvalidDataException(reason), cancelled: false));

        // The mirror serves the pinned bytes again: the same URL is read and stored.
        mirror.Bytes = genuine;
        var stored = await feeds.RunAsync(UsgsFeed.FeedName, "test", false, null, CancellationToken.None);
        Assert.Equal(FeedRunStatus.Succeeded, stored.Status);
        Assert.True(stored.Outcome!.Records.Stored > 0);
    }

    private static MemoryStream Zip(params (string Name, long Bytes)[] entries)
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                var zeros = new byte[64 * 1024];
                for (long left = bytes; left > 0; left -= zeros.Length)
                {
                    stream.Write(zeros, 0, (int)Math.Min(zeros.Length, left));
                }
            }
        }

        buffer.Position = 0;
        return buffer;
    }

    /// <summary>Rewrites every declared uncompressed size of the archive (local headers and central directory) to <paramref name="declared"/>.</summary>
    private static MemoryStream Forge(MemoryStream zip, uint declared)
    {
        var bytes = zip.ToArray();
        for (var i = 0; i + 30 < bytes.Length; i++)
        {
            if (bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x03 && bytes[i + 3] == 0x04)
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 22, 4), declared);
            }
            else if (bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x01 && bytes[i + 3] == 0x02)
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 24, 4), declared);
            }
        }

        return new MemoryStream(bytes);
    }

    private static long Drain(IEnumerable<(string Name, Stream Content)> files)
    {
        long total = 0;
        foreach (var (_, content) in files)
        {
            using (content)
            {
                total += content.Length;
            }
        }

        return total;
    }

    [Fact]
    public void A_zip_bomb_with_a_forged_size_yields_no_more_than_it_declares()
    {
        // 64 MB of zeros compress to about 64 KB; the headers say 100 bytes.
        using var bomb = Forge(Zip(("mcs2024-lithi_world.csv", 64L * 1024 * 1024)), declared: 100);
        var limits = new UsgsArchiveLimits(EntryBytes: 1024 * 1024, TotalBytes: 4 * 1024 * 1024, Entries: 100);

        var (files, error) = UsgsArchive.Expand("bomb.zip", bomb, limits);

        // The declared size passes the caps; the reader stops at it (and the counter would stop at the cap).
        Assert.Null(error);
        Assert.True(Drain(files) <= 100);
    }

    [Fact]
    public void A_zip_bomb_of_entries_each_under_the_cap_is_refused_by_its_declared_total()
    {
        // Before the archive caps, any number of entries just under 200 MB each (zeros: a few MB of ZIP) were all written out.
        using var zip = Zip(("a.csv", 600 * 1024), ("b.csv", 600 * 1024), ("c.csv", 600 * 1024));
        var limits = new UsgsArchiveLimits(EntryBytes: 1024 * 1024, TotalBytes: 1024 * 1024, Entries: 100);

        var (files, error) = UsgsArchive.Expand("many.zip", zip, limits);

        Assert.Empty(files);
        Assert.Contains("add up to 1843200 bytes", error);
    }

    [Fact]
    public void Too_many_entries_or_an_honestly_declared_huge_entry_are_refused_before_any_is_read()
    {
        using var crowded = Zip([.. Enumerable.Range(0, 12).Select(i => ($"f{i}.csv", 10L))]);
        var (none, crowdedError) = UsgsArchive.Expand("crowded.zip", crowded, new UsgsArchiveLimits(1024, 1024 * 1024, Entries: 10));
        Assert.Empty(none);
        Assert.Contains("12 entries", crowdedError);

        using var large = Zip(("big.csv", 2 * 1024 * 1024));
        var (nothing, largeError) = UsgsArchive.Expand("big.zip", large, new UsgsArchiveLimits(1024 * 1024, 8 * 1024 * 1024, 100));
        Assert.Empty(nothing);
        Assert.Contains("more than a data-release file may be", largeError);

        // Within the caps, every entry comes out whole.
        using var fine = Zip(("a.csv", 300 * 1024), ("b.csv", 300 * 1024));
        var (files, fineError) = UsgsArchive.Expand("fine.zip", fine, new UsgsArchiveLimits(1024 * 1024, 1024 * 1024, 100));
        Assert.Null(fineError);
        Assert.Equal(600 * 1024, Drain(files));
    }
}
