using System.ComponentModel;

namespace Feeds.Core.Pipeline;

/// <summary>
/// <c>Feeds:Sources</c>. With <see cref="Offline"/> set (the local host's default), a feed whose source URL is left at
/// its default replays recorded payloads through the same HTTP client pipeline instead of calling the real source.
/// A source URL set explicitly in configuration is always used as given (a mirror, a test's stand-in server).
/// </summary>
public sealed class SourceOptions
{
    public const string Section = "Feeds:Sources";

    [Description("Replay recorded source payloads (bundled in data/) for feeds whose source URL is left at its default.")]
    public bool Offline { get; set; }
}
