using System.Globalization;
using Microsoft.Extensions.Options;
using System.Runtime.InteropServices;

namespace Feeds.Local;

/// <summary>The local host's verbs: <c>up</c>, <c>serve</c>, <c>ingest &lt;feed&gt;</c>.</summary>
public static class LocalCommands
{
    public const string Usage = """
        Feeds local host: the same jobs and /api routes as the Azure Functions app, on Azurite.

        usage: dotnet run --project functions/Feeds.Local -- <verb> [options]
          up                 start Azurite if nothing listens on its ports, seed the catalog, run every feed once
                             (queued, run by the in-process workers), make a partner snapshot, then serve the API on
                             http://127.0.0.1:7071 until Ctrl+C, and the dashboard at / (built with npm in dashboard/
                             first if dashboard/dist is missing)
          serve              serve the API (and run queued slices: POST /api/feeds/{feed}/runs starts a run)
          ingest <feed> [--force]
                             queue one run of a feed (--force ignores checkpoints), wait for it showing slices
                             done/planned, print its run summary, exit 1 unless it succeeded;
                             ingest indicators recomputes the indicators from stored data
          snapshot [--date yyyy-MM-dd]
                             export every dataset as a partner snapshot (gzip CSV + Parquet, manifest,
                             latest.json) into the snapshots container; exit 1 if it failed
        options: --urls <url>   listen elsewhere (default http://127.0.0.1:7071)
                 --live         fetch sources from their real URLs instead of the recorded payloads
                 --allow-remote listen beyond loopback (the keyed routes have no key here: trusted networks only;
                                set AllowedHosts too, e.g. --AllowedHosts=feeds.internal)
                 --Feeds:Local:Workers=N   queue workers in this process (default 2)
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

        // A developer's machine: name it Development (as Core Tools does) unless the environment says otherwise.
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT");
        // The progress lines say what the feeds do; their Information logs would say it twice (raise with
        // Logging__LogLevel__Feeds=Information).
        string[] defaults = [.. environment is null ? ["--environment", "Development"] : Array.Empty<string>(),
            .. Environment.GetEnvironmentVariable("Logging__LogLevel__Feeds") is null ? ["--Logging:LogLevel:Feeds", "Warning"] : Array.Empty<string>()];
        WebApplication app;
        try
        {
            app = LocalHost.Build([.. defaults, .. parsed.HostArguments]);
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

        AzuriteProcess? started;
        try
        {
            started = await EnsureStorageAsync(app.Configuration, output, stop.Token).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 1;
        }

        try
        {
            return parsed.Verb switch
            {
                "ingest" => await IngestAsync(app, parsed, output, stop.Token).ConfigureAwait(false),
                "snapshot" => await SnapshotAsync(app.Services.GetRequiredService<SnapshotExporter>(), parsed.Date, output, stop.Token).ConfigureAwait(false) ? 0 : 1,
                _ => await ServeAsync(app, parsed, output, stop).ConfigureAwait(false),
            };
        }
        finally
        {
            if (started is not null)
            {
                await started.DisposeAsync().ConfigureAwait(false);
            }
        }

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

        var workers = app.Services.GetRequiredService<LocalWorkers>();
        await workers.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var run = await RunFeedAsync(app.Services.GetRequiredService<FeedRunStarter>(), parsed.Feed!, parsed.Force, IsOffline(app), output, cancellationToken).ConfigureAwait(false);
            return run?.Status is FeedRunStatus.Succeeded ? 0 : 1;
        }
        finally
        {
            await workers.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary><c>up</c> (every feed, a snapshot, then serve) and <c>serve</c>: the API until Ctrl+C.</summary>
    private static async Task<int> ServeAsync(WebApplication app, LocalArguments parsed, TextWriter output, CancellationTokenSource stop)
    {
        if (parsed.Verb == "up")
        {
            // The workers run the queued slices; the API starts afterwards (and keeps them running).
            await app.Services.GetRequiredService<LocalWorkers>().StartAsync(stop.Token).ConfigureAwait(false);
            var starter = app.Services.GetRequiredService<FeedRunStarter>();
            foreach (var name in app.Services.GetRequiredService<FeedRunService>().FeedNames)
            {
                await RunFeedAsync(starter, name, parsed.Force, IsOffline(app), output, stop.Token).ConfigureAwait(false);
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

    /// <summary>Queues one run of the feed and waits for it, printing slices done/planned as they move; null when another run holds the feed.</summary>
    private static async Task<FeedRunRecord?> RunFeedAsync(
        FeedRunStarter starter, string feed, bool force, bool offline, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync(offline
            ? $"[{feed}] planning; the slices replay recorded source files from data/ (offline; --live fetches the real sources) …"
            : $"[{feed}] planning; the slices call the live sources …").ConfigureAwait(false);
        FeedRunRecord run;
        try
        {
            run = await starter.StartAsync(feed, "local", new FeedRunRequest(force), cancellationToken).ConfigureAwait(false);
        }
        catch (FeedRunConflictException conflict)
        {
            await output.WriteLineAsync($"[{feed}] run {conflict.Running.RunId} is still running (started {conflict.Running.StartedAt:O}); not starting another").ConfigureAwait(false);
            return null;
        }

        if (run.Status == FeedRunStatus.Running)
        {
            await output.WriteLineAsync($"[{feed}] run {run.RunId}: {run.Slices?.Planned} slices queued").ConfigureAwait(false);
            var progress = new ImmediateProgress<FeedRunRecord>(r =>
                output.WriteLine($"[{feed}] slices {r.Slices?.Done + r.Slices?.Failed}/{r.Slices?.Planned} done{(r.Slices?.Failed > 0 ? $" ({r.Slices.Failed} failed)" : "")}"));
            run = await starter.WaitAsync(run, progress, TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
        }

        var r = run.Outcome?.Records;
        await output.WriteLineAsync(
            $"[{feed}] run {run.RunId}: {run.Status} in {run.Duration?.TotalSeconds:0.0} s" +
            (r is null ? "" : string.Create(CultureInfo.InvariantCulture,
                $"; {r.Read:N0} records read = {r.Stored:N0} stored + {r.Unchanged:N0} unchanged + {r.Superseded:N0} superseded + {r.Quarantined:N0} quarantined + {r.OutOfScope:N0} out of scope (on no critical-mineral list)")) +
            (run.Error is null ? "" : $"; error: {run.Error}") +
            (run.Outcome is { FailedSlices.Count: > 0 } o ? $"; failed: {string.Join("; ", o.FailedSlices.Take(3))}" : "")).ConfigureAwait(false);
        return run;
    }

    private static bool IsOffline(WebApplication app) => app.Services.GetRequiredService<IOptions<SourceOptions>>().Value.Offline;

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
        if (await AzuriteProcess.ExistingAsync(options, cancellationToken).ConfigureAwait(false) is { } server)
        {
            await output.WriteLineAsync($"Azurite ({server}) already listens on 127.0.0.1:10000-10002; using it.").ConfigureAwait(false);
            return null;
        }

        await output.WriteLineAsync("Starting Azurite on 127.0.0.1:10000-10002 (data in .azurite/) …").ConfigureAwait(false);
        return await AzuriteProcess.StartAsync(options, output, cancellationToken).ConfigureAwait(false);
    }
}
