using System.ComponentModel;
using System.Text.RegularExpressions;

namespace Feeds.Core.Pipeline;

/// <summary>
/// <c>Feeds:Runs</c>: the queue runs are fanned out over, and when a run that stopped moving counts as dead. The
/// Functions queue trigger reads the queue name as <c>%Feeds:Runs:QueueName%</c>, so both ends use one setting.
/// </summary>
public sealed partial class FeedRunOptions
{
    public const string Section = "Feeds:Runs";

    /// <summary>Suffix of the poison queue, as the Functions host names it.</summary>
    public const string PoisonSuffix = "-poison";

    [Description("Storage queue of run slices (its poison queue is the same name + -poison); lower-case letters, digits and hyphens.")]
    public string QueueName { get; set; } = "feed-slices";

    [Description("A Running run none of whose slices ended for this long (hh:mm:ss) is dead: a new start of the feed takes over.")]
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromHours(2);

    public string PoisonQueueName => QueueName + PoisonSuffix;

    public IEnumerable<string> Problems()
    {
        if (!QueueNameShape().IsMatch(QueueName) || QueueName.Length > 63 - PoisonSuffix.Length)
        {
            yield return $"{Section}:QueueName '{QueueName}' is not a queue name (3 to {63 - PoisonSuffix.Length} lower-case letters, digits and single hyphens).";
        }

        if (StaleAfter <= TimeSpan.Zero)
        {
            yield return $"{Section}:StaleAfter must be positive; got {StaleAfter}.";
        }
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,}$")]
    private static partial Regex QueueNameShape();
}
