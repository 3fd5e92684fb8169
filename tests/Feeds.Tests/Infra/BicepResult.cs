namespace Feeds.Tests.Infra;

/// <summary>What one bicep invocation returned and printed.</summary>
public sealed record BicepResult(int ExitCode, string Output)
{
    /// <summary>Diagnostic lines ("file(line,col) : Warning|Error code: message"); a clean run has none.</summary>
    public IReadOnlyList<string> Diagnostics => Output
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Where(line => line.Contains(" : Warning ", StringComparison.Ordinal) || line.Contains(" : Error ", StringComparison.Ordinal)
                       || line.Contains(" : Info ", StringComparison.Ordinal))
        .ToList();
}
