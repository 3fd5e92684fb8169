using System.ComponentModel;

namespace Feeds.Core.Storage;

/// <summary>Table naming; bound from <c>Feeds:Storage</c>.</summary>
public sealed class FeedsStorageOptions
{
    public const string Section = "Feeds:Storage";

    [Description("Prefix for every table name, so several deployments or test runs can share one account.")]
    public string TablePrefix { get; set; } = "";

    public IEnumerable<string> Problems()
    {
        if (!TablePrefix.All(char.IsAsciiLetterOrDigit))
        {
            yield return $"{Section}:TablePrefix '{TablePrefix}' may hold only ASCII letters and digits (a table name's rule).";
        }
    }
}
