using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Feeds.Local;
using Feeds.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Feeds.Tests.Security;

/// <summary>
/// scripts/pull-snapshot.sh, the real script run by bash, against a stand-in API that lies: paths that climb out of the
/// destination, absolute paths, redirects, plain http, files that differ from their manifest or never end. The script
/// writes nothing outside its folder, never shows or re-sends the key, and replaces a run folder only with a verified set.
/// </summary>
public sealed class PullScriptTests : IAsyncLifetime
{
    private const string Key = "Partner-Key_0123456789abcdefABCDEF==";
    private const string Folder = "2026-11-28/20261128T023000123Z-a1b2c3/";

    private readonly DirectoryInfo _sandbox = Directory.CreateTempSubdirectory("feeds-pull-sandbox-");
    private MaliciousApi _api = null!;
    private MaliciousApi _elsewhere = null!;

    /// <summary>Where the partner keeps snapshots: a folder inside a stand-in home folder, so an escape would be visible.</summary>
    private string Home => Path.Combine(_sandbox.FullName, "home");

    private string Dest => Path.Combine(Home, "snapshots");

    private string KeyFile => Path.Combine(_sandbox.FullName, "partner.key");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Dest);
        await File.WriteAllTextAsync(KeyFile, Key + "\n");
        _api = await MaliciousApi.StartAsync();
        _elsewhere = await MaliciousApi.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _elsewhere.DisposeAsync();
        _sandbox.Delete(recursive: true);
    }

    /// <summary>A stand-in for the API and for storage: serves links, a manifest and files as a test sets them up, and records every request.</summary>
    private sealed class MaliciousApi : StandInServer
    {
        public Dictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

        /// <summary>The links document, built from <see cref="Files"/> unless a test sets it.</summary>
        public Func<MaliciousApi, JsonObject>? Links { get; set; }

        /// <summary>Per path: a response a test wants instead of the file.</summary>
        public ConcurrentDictionary<string, Func<HttpContext, Task>> Overrides { get; } = new(StringComparer.Ordinal);

        public ConcurrentQueue<(string Path, string? Key)> Requests { get; } = new();

        /// <summary>Set while the links request is open: whether any process on this machine had the key in its command line.</summary>
        public bool? KeyOnACommandLine { get; private set; }

        public static async Task<MaliciousApi> StartAsync()
        {
            var server = new MaliciousApi();
            await server.StartServerAsync();
            return server;
        }

        public string Url(string path) => new Uri(BaseAddress, path).ToString();

        /// <summary>The manifest the real exporter would write for <see cref="Files"/>, as bytes.</summary>
        public byte[] Manifest(string folder = Folder, Func<string, string>? pathOf = null) => Encoding.UTF8.GetBytes(new JsonObject
        {
            ["schemaVersion"] = 1,
            ["folder"] = folder,
            ["files"] = new JsonArray([.. Files.Select(f => (JsonNode)new JsonObject
            {
                ["path"] = pathOf?.Invoke(f.Key) ?? folder + f.Key,
                ["bytes"] = f.Value.Length,
                ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(f.Value)),
            })]),
        }.ToJsonString());

        public JsonObject DefaultLinks(string folder = Folder, Func<string, string>? pathOf = null) => new()
        {
            ["folder"] = folder,
            ["manifest"] = new JsonObject { ["path"] = folder + "manifest.json", ["url"] = Url("blob/manifest.json?sig=abc") },
            ["files"] = new JsonArray([.. Files.Keys.Select(name => (JsonNode)new JsonObject
            {
                ["path"] = pathOf?.Invoke(name) ?? folder + name,
                ["url"] = Url($"blob/{name}?sig=abc"),
            })]),
        };

        public Func<byte[]>? ManifestBytes { get; set; }

        protected override async Task HandleAsync(HttpContext context)
        {
            var path = context.Request.Path.Value!;
            Requests.Enqueue((path, context.Request.Headers.TryGetValue("x-functions-key", out var key) ? key.ToString() : null));
            if (Overrides.TryGetValue(path, out var custom))
            {
                await custom(context);
                return;
            }

            if (path == "/api/snapshots/latest/links")
            {
                // The script's curl is waiting for this answer right now: look at every command line on the machine.
                KeyOnACommandLine = Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(d => d!.All(char.IsAsciiDigit))
                    .Any(pid =>
                    {
                        try
                        {
                            return File.ReadAllText($"/proc/{pid}/cmdline").Contains(Key, StringComparison.Ordinal);
                        }
                        catch (IOException)
                        {
                            return false; // a process that ended meanwhile
                        }
                        catch (UnauthorizedAccessException)
                        {
                            return false;
                        }
                    });
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync((Links?.Invoke(this) ?? DefaultLinks()).ToJsonString());
                return;
            }

            if (path == "/blob/manifest.json")
            {
                await context.Response.Body.WriteAsync(ManifestBytes?.Invoke() ?? Manifest());
                return;
            }

            if (path.StartsWith("/blob/", StringComparison.Ordinal) && Files.TryGetValue(path["/blob/".Length..], out var bytes))
            {
                await context.Response.Body.WriteAsync(bytes);
                return;
            }

            context.Response.StatusCode = 404;
        }
    }

    private void AddFiles()
    {
        _api.Files["minerals.csv.gz"] = Encoding.UTF8.GetBytes("id,name\nlithium,Lithium\n");
        _api.Files["countries.parquet"] = [.. Enumerable.Range(0, 5000).Select(i => (byte)(i * 7))];
    }

    private async Task<ProcessResult> PullAsync(string baseUrl, string jsonTool = "jq", string keyArguments = "--key-file", IReadOnlyDictionary<string, string?>? environment = null)
    {
        var script = Path.Combine(RepositoryRoot.Find(), "scripts", "pull-snapshot.sh");
        // The key reaches the script through a file or a pipe; the command lines here carry only the file's path.
        var command = keyArguments switch
        {
            "--key-file" => """exec bash "$0" --key-file "$1" "$2" "$3" """,
            "--key-stdin" => """exec bash "$0" --key-stdin "$2" "$3" < "$1" """,
            _ => """exec bash "$0" "$2" "$3" """,
        };
        var env = new Dictionary<string, string?>(environment ?? new Dictionary<string, string?>()) { ["FEEDS_JSON_TOOL"] = jsonTool };
        return await ProcessRunner.RunAsync("bash", ["-c", command, script, KeyFile, baseUrl, Dest], _sandbox.FullName,
            TimeSpan.FromMinutes(2), CancellationToken.None, environment: env);
    }

    /// <summary>Every file under the sandbox but the key file and the destination's own contents.</summary>
    private List<string> WrittenOutsideDest() =>
        [.. Directory.EnumerateFileSystemEntries(_sandbox.FullName, "*", SearchOption.AllDirectories)
            .Where(p => p != KeyFile && p != Home && p != Dest && !p.StartsWith(Dest + "/", StringComparison.Ordinal))];

    private List<string> LeftInDest() =>
        [.. Directory.EnumerateFileSystemEntries(Dest, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(Dest, p))];

    [Theory]
    [InlineData("jq", "--key-file")]
    [InlineData("python3", "--key-stdin")]
    public async Task A_true_snapshot_is_pulled_verified_and_marked_with_the_key_in_a_header_only(string jsonTool, string keyArguments)
    {
        AddFiles();

        var result = await PullAsync(_api.BaseAddress.ToString(), jsonTool, keyArguments);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("verified 2 files of " + Folder, result.Output);
        foreach (var (name, bytes) in _api.Files)
        {
            Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(Dest, Folder, name)));
        }

        Assert.True(File.Exists(Path.Combine(Dest, Folder, "manifest.json")));
        Assert.True(File.Exists(Path.Combine(Dest, Folder, ".verified")));
        // Exactly the run folder: no temporary folder left behind.
        string[] expected = ["2026-11-28", Folder.TrimEnd('/'), Folder + ".verified", Folder + "manifest.json", .. _api.Files.Keys.Select(n => Folder + n)];
        Assert.Equal(expected.Order(StringComparer.Ordinal), LeftInDest().Order(StringComparer.Ordinal));
        Assert.Empty(WrittenOutsideDest());

        // The key went to the links route in the header, to nothing else, and was on no command line meanwhile.
        Assert.Equal(Key, Assert.Single(_api.Requests, r => r.Path == "/api/snapshots/latest/links").Key);
        Assert.All(_api.Requests.Where(r => r.Path != "/api/snapshots/latest/links"), r => Assert.Null(r.Key));
        Assert.False(_api.KeyOnACommandLine, "the key was visible in a process's command line");
    }

    /// <summary>Links and manifests whose paths try to leave the destination, or do not have the published shape.</summary>
    public static TheoryData<string, string> Escapes => new()
    {
        // The manifest path was the hole: "../.bashrc" passed the old check (it looked for "/../" only).
        { "manifest path climbs out", "manifest=../.bashrc" },
        { "manifest path climbs out of the run folder", "manifest=" + Folder + "../../../.bashrc" },
        { "folder climbs out", "folder=../../" },
        { "folder is absolute", "folder=/tmp/feeds-escape/" },
        { "folder has no published shape", "folder=latest/" },
        { "file climbs out", "file=" + Folder + "../../../.bashrc" },
        { "file is absolute", "file=/tmp/feeds-escape/.bashrc" },
        { "file in a subfolder", "file=" + Folder + "sub/x.csv" },
        { "file is the marker", "file=" + Folder + ".verified" },
        { "file is outside the run folder", "file=2026-11-27/20261127T023000123Z-000000/minerals.csv.gz" },
        { "file name with a newline", "file=" + Folder + "a\n../../.bashrc" },
    };

    [Theory]
    [MemberData(nameof(Escapes))]
    public async Task Paths_that_leave_the_destination_or_break_the_published_shape_are_refused(string scenario, string change)
    {
        AddFiles();
        var (what, value) = (change.Split('=', 2)[0], change.Split('=', 2)[1]);
        // The attacker's bytes come with a manifest entry that matches them, so only the path check can stop them.
        _api.Files["minerals.csv.gz"] = Encoding.UTF8.GetBytes("echo pwned\n");
        switch (what)
        {
            case "manifest":
                _api.Links = api =>
                {
                    var links = api.DefaultLinks();
                    links["manifest"]!["path"] = value;
                    return links;
                };
                _api.ManifestBytes = () => Encoding.UTF8.GetBytes("echo pwned\n");
                break;
            case "folder":
                _api.Links = api => api.DefaultLinks(value);
                _api.ManifestBytes = () => _api.Manifest(value);
                break;
            default:
                string PathOf(string name) => name == "minerals.csv.gz" ? value : Folder + name;
                _api.Links = api => api.DefaultLinks(pathOf: PathOf);
                _api.ManifestBytes = () => _api.Manifest(pathOf: PathOf);
                break;
        }

        foreach (var tool in new[] { "jq", "python3" })
        {
            // No key: the stand-in asks for none, and only the paths are on trial here.
            var result = await PullAsync(_api.BaseAddress.ToString(), tool, keyArguments: "none");

            Assert.True(result.ExitCode != 0, $"{scenario} ({tool}) was accepted:\n{result.Output}");
            Assert.Empty(WrittenOutsideDest());
            Assert.False(File.Exists("/tmp/feeds-escape/.bashrc"));
            // Nothing half-done is left: no temporary folder, no run folder, no marker.
            Assert.DoesNotContain(LeftInDest(), p => p.StartsWith(".pull-", StringComparison.Ordinal) || p.EndsWith(".verified", StringComparison.Ordinal));
            Assert.False(Directory.Exists(Path.Combine(Dest, Folder)), $"{scenario}: a run folder was created");
        }
    }

    [Fact]
    public async Task A_changed_file_leaves_the_verified_folder_untouched_and_removes_its_marker()
    {
        AddFiles();
        var first = await PullAsync(_api.BaseAddress.ToString());
        Assert.True(first.ExitCode == 0, first.Output);
        var before = Directory.GetFiles(Path.Combine(Dest, Folder)).Where(f => !f.EndsWith(".verified", StringComparison.Ordinal))
            .ToDictionary(f => f, File.ReadAllBytes);

        // The same run folder again, but one file now differs from the manifest (a tampered blob, a MITM).
        var manifest = _api.Manifest();
        _api.ManifestBytes = () => manifest;
        _api.Files["countries.parquet"] = [.. _api.Files["countries.parquet"].Reverse()];

        var second = await PullAsync(_api.BaseAddress.ToString());

        Assert.NotEqual(0, second.ExitCode);
        Assert.Contains("countries.parquet: SHA-256", second.Output);
        // Downloaded to a temporary folder, so the verified files were never overwritten; the marker went first.
        Assert.All(before, f => Assert.Equal(f.Value, File.ReadAllBytes(f.Key)));
        Assert.False(File.Exists(Path.Combine(Dest, Folder, ".verified")));
        Assert.DoesNotContain(LeftInDest(), p => p.StartsWith(".pull-", StringComparison.Ordinal));

        // Fixed at the source: the next pull replaces the folder with the verified set and marks it again.
        _api.ManifestBytes = null;
        var third = await PullAsync(_api.BaseAddress.ToString());
        Assert.True(third.ExitCode == 0, third.Output);
        Assert.Equal(_api.Files["countries.parquet"], await File.ReadAllBytesAsync(Path.Combine(Dest, Folder, "countries.parquet")));
        Assert.True(File.Exists(Path.Combine(Dest, Folder, ".verified")));
    }

    [Fact]
    public async Task A_file_longer_than_its_manifest_or_endless_is_cut_off_and_nothing_is_kept()
    {
        AddFiles();
        _api.Overrides["/blob/countries.parquet"] = async context =>
        {
            // Streams without a length until the client goes away (a disk-filling answer).
            var chunk = new byte[64 * 1024];
            while (!context.RequestAborted.IsCancellationRequested)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        };

        var result = await PullAsync(_api.BaseAddress.ToString());

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("more than 5000 bytes", result.Output);
        Assert.Empty(LeftInDest());
    }

    [Fact]
    public async Task A_redirect_is_never_followed_so_the_key_goes_nowhere_else()
    {
        AddFiles();
        _api.Overrides["/api/snapshots/latest/links"] = context =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = _elsewhere.Url("api/snapshots/latest/links");
            return Task.CompletedTask;
        };

        var result = await PullAsync(_api.BaseAddress.ToString());

        Assert.NotEqual(0, result.ExitCode);
        Assert.Empty(_elsewhere.Requests);

        // A file link that redirects is refused too (nothing the script downloads follows a Location).
        _api.Overrides.Clear();
        _api.Overrides["/blob/minerals.csv.gz"] = context =>
        {
            context.Response.StatusCode = 307;
            context.Response.Headers.Location = _elsewhere.Url("blob/minerals.csv.gz");
            return Task.CompletedTask;
        };
        var file = await PullAsync(_api.BaseAddress.ToString());
        Assert.NotEqual(0, file.ExitCode);
        Assert.Empty(_elsewhere.Requests);
        Assert.False(Directory.Exists(Path.Combine(Dest, Folder)));
    }

    [Theory]
    [InlineData("http://feeds.example.org")] // plain http to another machine: a MITM could answer
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("file:///etc")]
    public async Task Only_https_or_loopback_http_is_spoken(string baseUrl)
    {
        var result = await PullAsync(baseUrl);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("BASE_URL must be https://", result.Output);
    }

    [Fact]
    public async Task Links_to_plain_http_elsewhere_are_refused_before_any_connection()
    {
        AddFiles();
        _api.Links = api =>
        {
            var links = api.DefaultLinks();
            links["files"]![0]!["url"] = "http://192.0.2.10/snapshots/x?sig=abc"; // TEST-NET: would hang if contacted
            return links;
        };

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = await PullAsync(_api.BaseAddress.ToString());

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("refusing a link that is not https", result.Output);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}: it tried to connect");
    }

    [Fact]
    public async Task A_key_in_the_environment_is_refused_with_the_ways_that_keep_it_private()
    {
        var result = await PullAsync(_api.BaseAddress.ToString(), keyArguments: "none",
            environment: new Dictionary<string, string?> { ["FEEDS_FUNCTION_KEY"] = Key });

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--key-file", result.Output);
        Assert.DoesNotContain(Key, result.Output, StringComparison.Ordinal);
        Assert.Empty(_api.Requests);
    }
}
