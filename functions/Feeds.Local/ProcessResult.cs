namespace Feeds.Local;

/// <summary>How a program ended and everything it printed (both streams, in the order the lines came).</summary>
public sealed record ProcessResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}
