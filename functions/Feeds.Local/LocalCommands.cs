using System.Runtime.InteropServices;
using Feeds.Core.Configuration;
using Feeds.Core.Indicators;
using Feeds.Core.Pipeline;
using Feeds.Core.Snapshots;

namespace Feeds.Local;

/// <summary>The local host's verbs: <c>up</c>, <c>serve</c>, <c>ingest &lt;feed&gt;</c>.</summary>
public static class LocalCommands
{
    public const string Usage = """
        Feeds local host: the same jobs and /api routes as the Azure Functions app, on Azurite.

        usage: dotnet run --project functions/Feeds.Local -- <verb> [options]
          up                 start Azurite if nothing listens on its ports, seed the catalog, run every feed once,
                             make a partner snapshot, then serve the API on http://127.0.0.1:7071 until Ctrl+C,
                             and the dashboard at / (built with npm in dashboard/ first if dashboard/dist is missing)
          serve              serve the API only
          ingest <feed> [--force]
                             run one feed once (--force ignores checkpoints), print its run summary,
                             exit 1 if it failed; ingest indicators recomputes the indicators from stored data
          snapshot [--date yyyy-MM-dd]
                             export every dataset as a partner snapshot (gzip CSV + Parquet, manifest,
                             latest.json) into the snapshots container; exit 1 if it failed
        options: --urls <url>   listen elsewhere (default http://127.0.0.1:7071)
                 --live         fetch sources from their real URLs instead of the recorded payloads
                 --allow-remote listen beyond loopback (the keyed routes have no key here: trusted networks only;
                                set AllowedHosts too, e.g. --AllowedHosts=feeds.internal)
        Configuration keys (docs/configuration.md) come from environment variables (Feeds__Comtrade__BaseUrl) or
        --Feeds:Comtrade:BaseUrl=… arguments. FeedsStorage set explicitly is used as given; otherwise Azurite runs
        on 127.0.0.1:10000-10002 with its data in .azurite/.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var output = Console.Out;
        var (parsed, error) = LocalArguments.Parse(args);
        if (parsed is null)
        {
            await Console.Error.WriteLineAsync($"{error}\n\n{Usage}").ConfigureAwait(false);
            return 2;
        }

        if (parsed.Verb == "help")
        {
            await output.WriteLineAsync(Usage).ConfigureAwait(false);
            return 0;
        }

        // Ctrl+C and SIGTERM both end the run cleanly, so the Azurite this process started is stopped too.
        using var stop = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        if (parsed.Verb == "up" && DashboardFiles.Find() is { } dashboard)
        {
            // Before Build, which only serves dist when it exists.
            await dashboard.EnsureBuiltAsync(output, stop.Token).ConfigureAwait(false);
        }

        WebApplication app;
        try
        {
            app = LocalHost.Build([.. parsed.HostArguments]);
        }
        catch (InvalidOperationException e)
        {
            // A listen address beyond loopback without --allow-remote: a usage error, said plainly.
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 2;
        }

        var feeds = app.Services.GetRequiredService<FeedRunService>();
        if (parsed.Feed is { } name && feeds.Find(name) is null && !string.Equals(name, IndicatorsService.Name, StringComparison.OrdinalIgnoreCase))
        {
            // Checked before Azurite starts: a typo costs nothing.
            await Console.Error.WriteLineAsync($"Unknown feed '{name}'; feeds: {string.Join(", ", feeds.FeedNames)}, {IndicatorsService.Name}.").ConfigureAwait(false);
            return 2;
        }

        await using var azurite = await EnsureStorageAsync(app.Configuration, output, stop.Token).ConfigureAwait(false);
        return parsed.Verb switch
        {
            "ingest" => await IngestAsync(app, parsed, output, stop.Token).ConfigureAwait(false),
            "snapshot" => await SnapshotAsync(app.Services.GetRequiredService<SnapshotExporter>(), parsed.Date, output, stop.Token).ConfigureAwait(false) ? 0 : 1,
            _ => await ServeAsync(app, parsed, output, stop).ConfigureAwait(false),
        };

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    private static async Task<int> IngestAsync(WebApplication app, LocalArguments parsed, TextWriter output, CancellationToken cancellationToken)
    {
        if (string.Equals(parsed.Feed, IndicatorsService.Name, StringComparison.OrdinalIgnoreCase))
        {
            // Not a feed: derived from the stored feeds, recomputed after each comtrade or usgs run and on demand here.
            var stored = await app.Services.GetRequiredService<IndicatorsService>().RecomputeAsync(cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"[indicators] recomputed: {stored} rows stored").ConfigureAwait(false);
            return stored > 0 ? 0 : 1;
        }

        var run = await RunFeedAsync(app.Services.GetRequiredService<FeedRunService>(), parsed.Feed!, parsed.Force, output, cancellationToken).ConfigureAwait(false);
        return run.Status is FeedRunStatus.Succeeded ? 0 : 1;
    }

    /// <summary><c>up</c> (every feed, a snapshot, then serve) and <c>serve</c>: the API until Ctrl+C.</summary>
    private static async Task<int> ServeAsync(WebApplication app, LocalArguments parsed, TextWriter output, CancellationTokenSource stop)
    {
        if (parsed.Verb == "up")
        {
            var feeds = app.Services.GetRequiredService<FeedRunService>();
            foreach (var name in feeds.FeedNames)
            {
                await RunFeedAsync(feeds, name, parsed.Force, output, stop.Token).ConfigureAwait(false);
            }

            // So /api/snapshots/latest answers on a fresh clone.
            await SnapshotAsync(app.Services.GetRequiredService<SnapshotExporter>(), null, output, stop.Token).ConfigureAwait(false);
        }

        await app.StartAsync(stop.Token).ConfigureAwait(false);
        using var stopping = app.Lifetime.ApplicationStopping.Register(stop.Cancel);
        await output.WriteLineAsync($"Serving the API on {string.Join(", ", app.Urls)}/api (Ctrl+C stops). Try:").ConfigureAwait(false);
        var url = app.Urls.FirstOrDefault() ?? LocalHost.DefaultUrl;
        if (DashboardFiles.Find() is { IsBuilt: true })
        {
            await output.WriteLineAsync($"  the dashboard: {url}/").ConfigureAwait(false);
        }

        await output.WriteLineAsync($"  curl -s '{url}/api/minerals?lists=IN2023,US2025'\n  curl -s '{url}/api/health'").ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await output.WriteLineAsync("Stopping …").ConfigureAwait(false);
        }

        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return 0;
    }

    private static async Task<FeedRunRecord> RunFeedAsync(
        FeedRunService feeds, string feed, bool force, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync($"[{feed}] running …").ConfigureAwait(false);
        var progress = new Progress<string>(line => output.WriteLine($"[{feed}] {line}"));
        var run = await feeds.RunAsync(feed, "local", force, progress, cancellationToken).ConfigureAwait(false);
        var r = run.Outcome?.Records;
        await output.WriteLineAsync(
            $"[{feed}] run {run.RunId}: {run.Status} in {run.Duration?.TotalSeconds:0.0} s" +
            (r is null ? "" : $"; records read {r.Read}: stored {r.Stored}, unchanged {r.Unchanged}, superseded {r.Superseded}, quarantined {r.Quarantined}") +
            (run.Error is null ? "" : $"; error: {run.Error}")).ConfigureAwait(false);
        return run;
    }

    private static async Task<bool> SnapshotAsync(SnapshotExporter exporter, DateOnly? date, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync("[snapshot] exporting …").ConfigureAwait(false);
        try
        {
            var run = await exporter.ExportAsync(date, "local", new Progress<string>(line => output.WriteLine($"[snapshot] {line}")), cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(
                $"[snapshot] run {run.Manifest.RunId}: {run.Manifest.Files.Count} files in {run.Manifest.Folder}; pruned {run.Pruned.Count} old folders").ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await output.WriteLineAsync($"[snapshot] failed: {ex.Message} (latest.json still names the previous snapshot)").ConfigureAwait(false);
            return false;
        }
    }

    /// <summary>Uses FeedsStorage as given when set; otherwise makes sure Azurite serves the development ports.</summary>
    private static async Task<AzuriteProcess?> EnsureStorageAsync(IConfiguration configuration, TextWriter output, CancellationToken cancellationToken)
    {
        var explicitStorage = !string.IsNullOrEmpty(configuration[FeedsSettings.StorageConnection])
            || configuration.GetSection(FeedsSettings.StorageConnection).GetChildren().Any();
        if (explicitStorage && configuration[FeedsSettings.StorageConnection] != "UseDevelopmentStorage=true")
        {
            await output.WriteLineAsync("Using the storage configured in FeedsStorage.").ConfigureAwait(false);
            return null;
        }

        var options = AzuriteOptions.Default(RepositoryRoot.Find());
        if (AzuriteProcess.IsListening(options.TablePort) && AzuriteProcess.IsListening(options.BlobPort))
        {
            await output.WriteLineAsync("Azurite is already listening on 127.0.0.1:10000-10002; using it.").ConfigureAwait(false);
            return null;
        }

        await output.WriteLineAsync("Starting Azurite on 127.0.0.1:10000-10002 (data in .azurite/) …").ConfigureAwait(false);
        return await AzuriteProcess.StartAsync(options, output, cancellationToken).ConfigureAwait(false);
    }
}
