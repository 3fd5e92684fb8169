using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace Feeds.Core.Trade;

/// <summary>
/// The Comtrade pipeline, outermost first: total timeout → retry (jittered exponential backoff that honours
/// Retry-After and the "Try again in N seconds" text of a 429 body) → circuit breaker → attempt timeout; inside it
/// every attempt, retries included, waits for a slot of the rate all instances share (<see cref="ComtradeRateHandler"/>).
/// 401 and 403 are not retried: no wait fixes a bad key or a spent quota. The breaker guards against a sustained
/// outage only: a 429 is the API pacing us (the retry waits as told), not a failure, and a few 5xx or timeouts among
/// many calls are the retry's business; it opens when nearly every attempt fails.
/// </summary>
public static partial class ComtradeResilience
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ComtradeResilienceOptions timings)
    {
        builder
            .AddTimeout(timings.TotalTimeout)
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = timings.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = timings.RetryDelay,
                MaxDelay = timings.MaxRetryDelay,
                DelayGenerator = args => ServerDelayAsync(args.Outcome.Result, args.Context.CancellationToken),
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                SamplingDuration = timings.BreakerSamplingDuration,
                MinimumThroughput = timings.BreakerMinimumThroughput,
                FailureRatio = timings.BreakerFailureRatio,
                BreakDuration = timings.BreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsOutage(args.Outcome)),
            })
            .AddTimeout(timings.AttemptTimeout);
    }

    /// <summary>What counts toward opening the circuit: server errors, request timeouts and transport failures; never a 429.</summary>
    public static bool IsOutage(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout,
        _ => false,
    };

    /// <summary>The wait the server asked for, if it asked: Retry-After, or the text of a 429 body.</summary>
    public static async ValueTask<TimeSpan?> ServerDelayAsync(HttpResponseMessage? response, CancellationToken cancellationToken)
    {
        if (response is null)
        {
            return null;
        }

        if (response.Headers.RetryAfter?.Delta is { } delta)
        {
            return delta;
        }

        if (response.Headers.RetryAfter?.Date is { } date && response.Headers.Date is { } now)
        {
            return date > now ? date - now : TimeSpan.Zero;
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var match = TryAgainIn().Match(body);
            if (match.Success && int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(seconds);
            }
        }

        return null;
    }

    [GeneratedRegex(@"[Tt]ry again in (\d{1,5}) seconds?")]
    private static partial Regex TryAgainIn();
}
