using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Feeds.Local;

/// <summary>
/// Starts the Azurite storage emulator from the repository's pinned npm package (installing it with
/// <c>npm ci</c> when missing), bound to loopback, and stops it again on dispose.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;

    private AzuriteProcess(Process process, StringBuilder output, AzuriteOptions options)
    {
        _process = process;
        _output = output;
        Options = options;
    }

    public AzuriteOptions Options { get; }

    public static async Task<AzuriteProcess> StartAsync(AzuriteOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var script = Path.Combine(options.RepositoryRoot, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            await log.WriteLineAsync("Azurite is not installed yet: running npm ci (pinned in package-lock.json) …").ConfigureAwait(false);
            await NpmCiAsync(options.RepositoryRoot, log, cancellationToken).ConfigureAwait(false);
        }

        var output = new StringBuilder();
        Process process;
        try
        {
            process = ProcessRunner.Start("node", Arguments(script, options), options.RepositoryRoot, line => Append(output, line));
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("Could not start node for Azurite; is Node.js installed?", e);
        }

        var azurite = new AzuriteProcess(process, output, options);
        try
        {
            await azurite.WaitUntilListeningAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await azurite.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return azurite;
    }

    public static IReadOnlyList<string> Arguments(string script, AzuriteOptions options)
    {
        var args = new List<string>
        {
            script,
            "--blobHost", "127.0.0.1", "--blobPort", options.BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", options.QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", options.TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // The current Blob SDK's API version is newer than Azurite knows.
            "--skipApiVersionCheck",
            // Without it Azurite may not exit on SIGTERM.
            "--disableTelemetry",
        };
        if (options.InMemory)
        {
            args.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(options.Location!);
            args.AddRange(["--location", options.Location!]);
        }

        return args;
    }

    /// <summary>
    /// What already serves <paramref name="options"/>' ports: null when nothing listens on the blob or table port, the
    /// server's name when it is Azurite on both. Anything else throws: feeds are never written into an unknown server.
    /// </summary>
    public static async Task<string?> ExistingAsync(AzuriteOptions options, CancellationToken cancellationToken)
    {
        var table = IsListening(options.TablePort);
        if (!table && !IsListening(options.BlobPort))
        {
            return null;
        }

        var server = await ServerHeaderAsync(options.BlobPort, cancellationToken).ConfigureAwait(false);
        if (server?.Contains("Azurite", StringComparison.OrdinalIgnoreCase) != true || !table)
        {
            throw new InvalidOperationException(
                $"Something that is not Azurite listens on 127.0.0.1:{options.BlobPort} or :{options.TablePort} (server: {server ?? "no HTTP answer"}). " +
                "Stop it, or point FeedsStorage at the storage you mean.");
        }

        return server;
    }

    /// <summary>The HTTP <c>Server</c> header whatever listens on a loopback port answers with (Azurite names itself), or null.</summary>
    public static async Task<string?> ServerHeaderAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/"), cancellationToken).ConfigureAwait(false);
            return response.Headers.Server.ToString() is { Length: > 0 } server ? server : "(no Server header)";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>True when something accepts connections on the loopback port.</summary>
    public static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync("127.0.0.1", port).Wait(TimeSpan.FromMilliseconds(500)) && client.Connected;
        }
        catch (AggregateException)
        {
            return false;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>A free loopback port (for tests that run their own Azurite beside a developer's).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        int[] ports = [Options.BlobPort, Options.QueuePort, Options.TablePort];
        while (!ports.All(IsListening))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode}: {Output()}");
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"Azurite did not listen on ports {string.Join(", ", ports)} within 60 s: {Output()}");
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        // The ports may have been taken by another process in the meantime (then this Azurite exits at once).
        await Task.Delay(300, cancellationToken).ConfigureAwait(false);
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode} (are its ports taken by another process?): {Output()}");
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private static void Append(StringBuilder output, string line)
    {
        lock (output)
        {
            // Keep the tail only: Azurite logs every request when asked to.
            if (output.Length > 20_000)
            {
                output.Remove(0, 10_000);
            }

            output.AppendLine(line);
        }
    }

    private static async Task NpmCiAsync(string root, TextWriter log, CancellationToken cancellationToken)
    {
        var npm = await ProcessRunner.RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], root, TimeSpan.FromMinutes(10),
            cancellationToken, line => log.WriteLine($"  npm: {line}"), heartbeat: TimeSpan.FromSeconds(15)).ConfigureAwait(false);
        if (!npm.Succeeded)
        {
            throw new InvalidOperationException($"npm ci failed with exit code {npm.ExitCode}: {npm.Output}");
        }
    }
}
