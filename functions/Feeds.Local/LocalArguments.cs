using System.Globalization;

namespace Feeds.Local;

/// <summary>
/// The local host's command line, parsed and checked before anything starts: the verb, its feed or date, the flags,
/// and the configuration arguments passed on to the host (offline replay is the local default; <c>--live</c> calls the
/// real sources).
/// </summary>
public sealed record LocalArguments(string Verb, string? Feed, bool Force, bool Live, DateOnly? Date, IReadOnlyList<string> HostArguments)
{
    public static IReadOnlyList<string> Verbs { get; } = ["up", "serve", "ingest", "snapshot", "help"];

    /// <summary>The parsed arguments, or the reason they are not valid (usage error, exit code 2).</summary>
    public static (LocalArguments? Arguments, string? Error) Parse(IReadOnlyList<string> args)
    {
        var verb = args.Count == 0 ? "up" : args[0].ToLowerInvariant();
        if (verb is "--help" or "-h")
        {
            verb = "help";
        }

        if (!Verbs.Contains(verb))
        {
            return (null, $"Unknown verb '{args[0]}'.");
        }

        var rest = args.Skip(1).ToList();
        var force = rest.Remove("--force");
        var live = rest.Remove("--live");
        var allowRemote = rest.Remove("--allow-remote");

        string? feed = null;
        if (verb == "ingest")
        {
            feed = rest.FirstOrDefault(a => !a.StartsWith('-'));
            if (feed is null)
            {
                return (null, "ingest needs a feed name.");
            }

            rest.Remove(feed);
        }

        DateOnly? date = null;
        if (verb == "snapshot" && rest.IndexOf("--date") is var at and >= 0)
        {
            if (at + 1 >= rest.Count || !DateOnly.TryParseExact(rest[at + 1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return (null, "--date needs a date as yyyy-MM-dd.");
            }

            date = day;
            rest.RemoveRange(at, 2);
        }

        // Put first, so an explicit --Feeds:…=… later on the command line still wins.
        List<string> host = [$"--{SettingKeys.SourcesOffline}={(!live).ToString().ToLowerInvariant()}"];
        if (!live)
        {
            // Replayed payloads need no politeness, and the recorded payloads cover 2020-2024.
            host.Add($"--{SettingKeys.ComtradeRequestsPerSecond}=50");
            host.Add($"--{SettingKeys.ComtradeFromYear}=2020");
            host.Add($"--{SettingKeys.ComtradeToYear}=2024");
        }

        if (allowRemote)
        {
            host.Add($"--{LocalHost.AllowRemoteKey}=true");
        }

        host.AddRange(rest);
        return (new LocalArguments(verb, feed, force, live, date, host), null);
    }
}
