using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Feeds.Core.Pipeline;

/// <summary>
/// What kind of failure ended a run, in a word the public may see. The anonymous <c>GET /api/feeds</c> shows only this
/// category; the message itself (upstream URLs, quota state, configuration names) is shown behind a function key, on
/// <c>GET /api/feeds/{feed}/quarantine?runId=…</c>.
/// </summary>
public static class FeedErrors
{
    public const string Source = "source", Storage = "storage", Configuration = "configuration", Data = "data",
        Timeout = "timeout", Cancelled = "cancelled", Internal = "internal";

    public static IReadOnlyList<string> All { get; } = [Source, Storage, Configuration, Data, Timeout, Cancelled, Internal];

    public static string Category(Exception exception, bool cancelled) => cancelled ? Cancelled : exception switch
    {
        ICategorizedError categorized => categorized.ErrorCategory,
        OptionsValidationException => Configuration,
        HttpRequestException or TimeoutRejectedException or BrokenCircuitException => Source,
        _ when StorageErrors.IsUnavailable(exception) => Storage,
        Azure.RequestFailedException => Storage,
        FormatException or InvalidDataException or System.Text.Json.JsonException => Data,
        TimeoutException => Timeout,
        _ => Internal,
    };

    /// <summary>A failed slice as the public sees it: its key without the reason (<c>key: reason</c> as the tally stores it).</summary>
    public static string SliceKey(string failedSlice)
    {
        var separator = failedSlice.IndexOf(": ", StringComparison.Ordinal);
        return separator < 0 ? failedSlice : failedSlice[..separator];
    }
}

/// <summary>An exception of a feed's own that says which <see cref="FeedErrors"/> category it is.</summary>
public interface ICategorizedError
{
    string ErrorCategory { get; }
}
