using System.Globalization;
using System.Text.RegularExpressions;
using Feeds.Local;
using Feeds.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Feeds.Tests.Integration;

/// <summary>
/// The local host's console as a person reads it: the real program (<c>Feeds.Local</c>) run as a child process over the
/// shared Azurite, its output asserted line by line.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class LocalConsoleTests(AzuriteFixture azurite)
{
    // Before: 408-character log lines; the longest line a run prints today is its summary (about 190 characters).
    private const int MaxLineLength = 220;

    [Fact]
    public async Task An_unknown_feed_is_refused_before_storage_is_touched()
    {
        // No FeedsStorage: were storage reached first, this would start (or look for) Azurite on the default ports.
        var result = await RunAsync(["ingest", "nope"], storage: false);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unknown feed 'nope'; feeds: ", result.Output, StringComparison.Ordinal);
        Assert.All(new[] { "catalog", "comtrade", "usgs", "indicators" }, feed => Assert.Contains(feed, result.Output, StringComparison.Ordinal));
        Assert.DoesNotContain("Azurite", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("planning", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_prints_progress_once_offline_replay_without_urls_and_counts_that_add_up()
    {
        var prefix = TestStorage.UniquePrefix();
        var catalog = await RunAsync(["ingest", "catalog"], prefix: prefix);
        Assert.True(catalog.Succeeded, catalog.Output);
        var usgs = await RunAsync(["ingest", "usgs"], prefix: prefix);
        Assert.True(usgs.Succeeded, usgs.Output);

        foreach (var output in new[] { catalog.Output, usgs.Output })
        {
            var lines = Lines(output);
            // The feeds' Information logs would repeat each progress line as "info: …" (raised only on request).
            Assert.DoesNotContain(lines, l => LogPrefix().IsMatch(l));
            Assert.All(lines, l => Assert.True(l.Length <= MaxLineLength, $"{l.Length} characters: {l}"));
            // Offline, nothing is fetched: no line may read as network access.
            Assert.Contains(lines, l => l.Contains("replay recorded source files", StringComparison.Ordinal));
            Assert.DoesNotContain("://", output, StringComparison.Ordinal);
            // One line per progress event: a progress line never repeats the line before it.
            Assert.All(lines.Zip(lines.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
        }

        // Every record read is accounted for once, in words a reader can add up.
        var summary = Summary().Match(usgs.Output);
        Assert.True(summary.Success, usgs.Output);
        var parts = Enumerable.Range(2, 5).Select(i => Count(summary.Groups[i].Value)).ToList();
        Assert.True(Count(summary.Groups[1].Value) > 0, summary.Value);
        Assert.Equal(Count(summary.Groups[1].Value), parts.Sum());
        Assert.True(parts[4] > 0, "USGS files name commodities on no list: " + summary.Value);
        Assert.Matches(@"\[usgs\] slices (\d+)/\1 done", usgs.Output);
    }

    [Fact]
    public async Task Serve_names_the_local_environment_Development_and_stops_cleanly_on_sigterm()
    {
        var lines = new List<string>();
        var serving = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = ProcessRunner.Start("dotnet", [LocalDll, "serve", "--urls", "http://127.0.0.1:0"], RepositoryRoot.Find(), line =>
        {
            lock (lines)
            {
                lines.Add(line);
            }

            if (line.StartsWith("Serving the API on", StringComparison.Ordinal))
            {
                serving.TrySetResult();
            }
        }, Environment(TestStorage.UniquePrefix(), storage: true));
        try
        {
            await serving.Task.WaitAsync(TimeSpan.FromMinutes(2));
            // SIGTERM, as a container stop sends it (.NET has no call that signals another process).
            var signal = await ProcessRunner.RunAsync("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)], Path.GetTempPath(), TimeSpan.FromSeconds(10), CancellationToken.None);
            Assert.Equal(0, signal.ExitCode);

            using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(exited.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        process.WaitForExit();
        string output;
        lock (lines)
        {
            output = string.Join('\n', lines);
        }

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("Hosting environment: Development", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Hosting environment: Production", output, StringComparison.Ordinal);
        Assert.Contains("Stopping …", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Storage_already_on_the_ports_is_used_only_when_it_is_Azurite()
    {
        var root = RepositoryRoot.Find();
        var free = new AzuriteOptions(root, AzuriteProcess.FreePort(), AzuriteProcess.FreePort(), AzuriteProcess.FreePort(), null);
        Assert.Null(await AzuriteProcess.ExistingAsync(free, CancellationToken.None));

        var running = await AzuriteProcess.ExistingAsync(azurite.Options, CancellationToken.None);
        Assert.Contains("Azurite", running, StringComparison.Ordinal);

        await using var blob = await ForeignServer.StartAsync();
        await using var table = await ForeignServer.StartAsync();
        var foreign = new AzuriteOptions(root, blob.BaseAddress.Port, AzuriteProcess.FreePort(), table.BaseAddress.Port, null);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AzuriteProcess.ExistingAsync(foreign, CancellationToken.None));
        Assert.Contains($"Something that is not Azurite listens on 127.0.0.1:{blob.BaseAddress.Port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("server: nginx", error.Message, StringComparison.Ordinal);

        // Azurite's blob port with nothing on the table port is refused too.
        var mixed = azurite.Options with { TablePort = AzuriteProcess.FreePort() };
        await Assert.ThrowsAsync<InvalidOperationException>(() => AzuriteProcess.ExistingAsync(mixed, CancellationToken.None));
    }

    private static string LocalDll => Path.Combine(AppContext.BaseDirectory, "Feeds.Local.dll");

    private async Task<ProcessResult> RunAsync(string[] arguments, bool storage = true, string? prefix = null) =>
        await ProcessRunner.RunAsync("dotnet", [LocalDll, .. arguments], RepositoryRoot.Find(), TimeSpan.FromMinutes(5), CancellationToken.None,
            environment: Environment(prefix ?? TestStorage.UniquePrefix(), storage));

    /// <summary>The child's settings: this test's tables in the shared Azurite, and nothing inherited that would change what it prints.</summary>
    private Dictionary<string, string?> Environment(string prefix, bool storage)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = null,
            ["DOTNET_ENVIRONMENT"] = null,
            ["Logging__LogLevel__Feeds"] = null,
            ["Logging__LogLevel__Default"] = null,
            ["FeedsStorage"] = null,
        };
        if (storage)
        {
            foreach (var (key, value) in TestStorage.Settings(azurite, prefix))
            {
                environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }
        }

        return environment;
    }

    private static List<string> Lines(string output) =>
        [.. output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0)];

    private static long Count(string text) => long.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*(info|warn|dbug|trce|fail|crit):")]
    private static partial Regex LogPrefix();

    [GeneratedRegex(@"([\d,]+) records read = ([\d,]+) stored \+ ([\d,]+) unchanged \+ ([\d,]+) superseded \+ ([\d,]+) quarantined \+ ([\d,]+) out of scope")]
    private static partial Regex Summary();

    /// <summary>A web server that is not Azurite, as a developer's other service on port 10000 would be.</summary>
    private sealed class ForeignServer : StandInServer
    {
        public static async Task<ForeignServer> StartAsync()
        {
            var server = new ForeignServer();
            await server.StartServerAsync();
            return server;
        }

        protected override Task HandleAsync(HttpContext context)
        {
            context.Response.Headers.Server = "nginx";
            return context.Response.WriteAsync("hello");
        }
    }
}
