using System.Reflection;
using Feeds.Local;

namespace Feeds.Tests.Infra;

/// <summary>
/// The Bicep CLI restored by the test project's PackageDownload (Azure.Bicep.CommandLine.linux-x64). A missing binary
/// fails the calling test with the reason: template tests must never pass by not running.
/// </summary>
public static class BicepCli
{
    private static readonly Lazy<string> BinaryPath = new(Locate);

    public static string Path => BinaryPath.Value;

    /// <summary>Runs bicep with the arguments; returns the exit code and everything it printed (both streams).</summary>
    public static BicepResult Run(string workingDirectory, params string[] arguments)
    {
        // No telemetry, and no attempt to reach a registry: everything here is local.
        var result = ProcessRunner.RunAsync(Path, arguments, workingDirectory, TimeSpan.FromMinutes(3), CancellationToken.None,
            environment: new Dictionary<string, string?> { ["BICEP_TELEMETRY_ENABLED"] = "false" }).GetAwaiter().GetResult();
        return new BicepResult(result.ExitCode, result.Output);
    }

    private static string Locate()
    {
        var candidates = new List<string>();
        var built = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "BicepPath")?.Value;
        if (!string.IsNullOrEmpty(built))
        {
            candidates.Add(built);
        }

        var version = built?.Split('/', '\\').Reverse().Skip(2).FirstOrDefault() ?? "0.49.2";
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } custom
            ? custom
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        candidates.Add(System.IO.Path.Combine(cache, "azure.bicep.commandline.linux-x64", version, "tools", "bicep"));

        var found = candidates.FirstOrDefault(File.Exists) ?? throw new FileNotFoundException(
            "The Bicep CLI is missing. It comes from the NuGet package Azure.Bicep.CommandLine.linux-x64 (PackageDownload " +
            "in tests/Feeds.Tests/Feeds.Tests.csproj): run `dotnet restore tests/Feeds.Tests`. Looked in: " +
            string.Join(", ", candidates));

        // NuGet extracts files without their execute bit on some systems.
        if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(found).HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(found, File.GetUnixFileMode(found) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute);
        }

        return found;
    }
}
