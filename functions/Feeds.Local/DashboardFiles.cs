namespace Feeds.Local;

/// <summary>
/// The dashboard's built static files (<c>dashboard/dist</c>), served by the local host at <c>/</c>. <c>up</c> builds
/// them with npm when missing; a failed build leaves the API running without the page.
/// </summary>
public sealed class DashboardFiles(string repositoryRoot)
{
    public string Folder { get; } = Path.Combine(repositoryRoot, "dashboard");

    public string Dist => Path.Combine(Folder, "dist");

    public bool IsBuilt => File.Exists(Path.Combine(Dist, "index.html"));

    /// <summary>The repository's dashboard, or null outside a checkout (a published host has no sources to build).</summary>
    public static DashboardFiles? Find()
    {
        try
        {
            return new DashboardFiles(RepositoryRoot.Find());
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Runs <c>npm ci</c> and <c>npm run build</c> once when dist is missing; false (with the reason logged) if that fails.</summary>
    public async Task<bool> EnsureBuiltAsync(TextWriter log, CancellationToken cancellationToken)
    {
        if (IsBuilt)
        {
            return true;
        }

        if (!File.Exists(Path.Combine(Folder, "package.json")))
        {
            return false;
        }

        await log.WriteLineAsync("The dashboard is not built yet: running npm ci and npm run build in dashboard/ …").ConfigureAwait(false);
        try
        {
            await NpmAsync(["ci", "--no-audit", "--no-fund", "--loglevel=error"], log, cancellationToken).ConfigureAwait(false);
            await NpmAsync(["run", "build"], log, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            // The API does not need the page: say why there is none and carry on.
            await log.WriteLineAsync($"The dashboard could not be built, so / serves nothing; the API still runs. {e.Message}").ConfigureAwait(false);
            return false;
        }

        return IsBuilt;
    }

    /// <summary>Runs npm in dashboard/, showing each line it prints as it comes (a first install takes minutes).</summary>
    private async Task NpmAsync(string[] args, TextWriter log, CancellationToken cancellationToken)
    {
        var npm = await ProcessRunner.RunAsync("npm", args, Folder, TimeSpan.FromMinutes(15), cancellationToken,
            line => log.WriteLine($"  npm {args[0]}: {line}"), heartbeat: TimeSpan.FromSeconds(15)).ConfigureAwait(false);
        if (!npm.Succeeded)
        {
            throw new InvalidOperationException($"npm {string.Join(' ', args)} failed with exit code {npm.ExitCode}: {npm.Output}");
        }
    }
}
