using System.ComponentModel;

namespace Feeds.Core.Snapshots;

/// <summary>Partner snapshots; bound from <c>Feeds:Snapshots</c>.</summary>
public sealed class SnapshotOptions
{
    public const string Section = "Feeds:Snapshots";

    [Description("Blob container of the partner snapshots ({date}/{runId}/ folders and latest.json).")]
    public string Container { get; set; } = "snapshots";

    [Description("Complete snapshot run folders kept; older ones are pruned, never the one latest.json names.")]
    public int Keep { get; set; } = 30;

    public IEnumerable<string> Problems()
    {
        // Blob container names: 3-63 lower-case letters, digits and single hyphens, starting with a letter or digit.
        if (Container.Length is < 3 or > 63 || !Container.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            || Container.StartsWith('-') || Container.EndsWith('-') || Container.Contains("--", StringComparison.Ordinal))
        {
            yield return $"{Section}:Container '{Container}' is not a valid blob container name.";
        }

        if (Keep < 1)
        {
            yield return $"{Section}:Keep must be at least 1; got {Keep}.";
        }
    }
}
