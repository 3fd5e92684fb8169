using System.Diagnostics;
using System.Text;

namespace Feeds.Local;

/// <summary>
/// The one way this repository starts other programs (Azurite, npm, the Bicep CLI): arguments as a list (never a
/// shell string), both streams captured and, when asked, passed on line by line as they come.
/// </summary>
public static class ProcessRunner
{
    /// <summary>Starts a long-lived program; every line it prints goes to <paramref name="onLine"/>.</summary>
    public static Process Start(string file, IEnumerable<string> arguments, string workingDirectory, Action<string> onLine,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A null value removes the variable (a child that must not inherit this process's setting).
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Forward(e.Data);
        process.ErrorDataReceived += (_, e) => Forward(e.Data);
        if (!process.Start())
        {
            process.Dispose();
            throw new InvalidOperationException($"Could not start {file}.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;

        void Forward(string? line)
        {
            if (line is not null)
            {
                onLine(line);
            }
        }
    }

    /// <summary>Runs a program to its end (killed after <paramref name="timeout"/>) and returns what it printed.</summary>
    /// <param name="heartbeat">When given, <paramref name="onLine"/> hears "still running (N s)" at this interval while the
    /// program is silent-by-design (npm ci prints nothing for minutes).</param>
    public static async Task<ProcessResult> RunAsync(
        string file, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken,
        Action<string>? onLine = null, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? heartbeat = null)
    {
        var output = new StringBuilder();
        using var process = Start(file, arguments, workingDirectory, line =>
        {
            lock (output)
            {
                output.AppendLine(line);
            }

            onLine?.Invoke(line);
        }, environment);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var quiet = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
        var beats = heartbeat is { } every && onLine is not null ? BeatAsync(every, onLine, quiet.Token) : Task.CompletedTask;
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds:0} s.");
        }
        finally
        {
            await quiet.CancelAsync().ConfigureAwait(false);
            await beats.ConfigureAwait(false);
        }

        // WaitForExit without a timeout drains the asynchronous output handlers.
        process.WaitForExit();
        lock (output)
        {
            return new ProcessResult(process.ExitCode, output.ToString());
        }
    }

    private static async Task BeatAsync(TimeSpan every, Action<string> onLine, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        using var timer = new PeriodicTimer(every, TimeProvider.System);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                onLine($"still running ({TimeProvider.System.GetElapsedTime(started).TotalSeconds:0} s) …");
            }
        }
        catch (OperationCanceledException)
        {
            // The program ended (or the caller gave up): no more beats.
        }
    }
}
