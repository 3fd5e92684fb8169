namespace Feeds.Core.Pipeline;

/// <summary>
/// What a run is asked to do: ignore checkpoints (<see cref="Force"/>), and for feeds that take them a year range and
/// reporters (a backfill). Unset fields keep the feed's configured scope.
/// </summary>
public sealed record FeedRunRequest(bool Force = false, int? From = null, int? To = null, IReadOnlyList<string>? Reporters = null)
{
    public static FeedRunRequest Default { get; } = new();

    /// <summary>The fields set besides <c>force</c>, as the operator API names them.</summary>
    public IEnumerable<string> FieldsSet()
    {
        if (From is not null)
        {
            yield return "from";
        }

        if (To is not null)
        {
            yield return "to";
        }

        if (Reporters is not null)
        {
            yield return "reporters";
        }
    }

    /// <summary>A problem for each field set that the feed does not take.</summary>
    public IEnumerable<(string Field, string Problem)> Unsupported(string feed, IReadOnlyList<string> fields) =>
        FieldsSet().Where(f => !fields.Contains(f)).Select(f =>
            (f, $"'{f}' is not a field of a {feed} run; it takes {string.Join(", ", ["force", .. fields])}."));
}
