namespace Feeds.Core.Trade;

/// <summary>
/// Timings of the Comtrade HTTP pipeline, sized for batch pulls. Not configuration keys (operators tune the rate and
/// the quota); tests shorten them.
/// </summary>
public sealed class ComtradeResilienceOptions
{
    /// <summary>Whole call including retries; a Retry-After longer than what is left ends in a timeout.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>One attempt: a 100,000-record response takes a while to stream.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public int MaxRetryAttempts { get; set; } = 5;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>At least twice the attempt timeout (Polly's rule for the breaker's sampling window).</summary>
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Attempts in the sampling window before the breaker may open: enough that a burst of faults is not an outage.</summary>
    public int BreakerMinimumThroughput { get; set; } = 20;

    /// <summary>The share of failing attempts that is an outage. 429s do not count (<see cref="ComtradeResilience.IsOutage"/>).</summary>
    public double BreakerFailureRatio { get; set; } = 0.9;
}
