using System.ComponentModel;

namespace Feeds.Local;

/// <summary><c>Feeds:Local</c>: the local host's own settings (docs/configuration.md, local host options).</summary>
public sealed class LocalOptions
{
    public const string Section = "Feeds:Local";

    [Description("In-process queue workers that run the slices of queued runs (up, serve, ingest).")]
    public int Workers { get; set; } = 2;

    public IEnumerable<string> Problems()
    {
        if (Workers is < 1 or > 64)
        {
            yield return $"{Section}:Workers must be from 1 to 64; got {Workers}.";
        }
    }
}
