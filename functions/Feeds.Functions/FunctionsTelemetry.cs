using Microsoft.ApplicationInsights.Channel;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.ApplicationInsights.WindowsServer.TelemetryChannel;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.ApplicationInsights;

namespace Feeds.Functions;

/// <summary>
/// The worker's Application Insights: requests and dependencies are sampled, except failures (up to
/// <see cref="MaxUnsampledFailuresPerSecond"/>); logs and exceptions are kept whole; log categories that print request
/// URLs never reach it.
/// </summary>
public static class FunctionsTelemetry
{
    /// <summary>
    /// Telemetry items per second per instance before adaptive sampling thins requests and dependencies. A flood of
    /// anonymous requests is sampled down to about this, so it cannot fill the daily cap and silence the alerts.
    /// </summary>
    public const double MaxItemsPerSecond = 5;

    /// <summary>
    /// Never sampled: logs (the failed-run, freshness and stale alerts read them), exceptions and events. They are a
    /// few lines per feed run, not per request.
    /// </summary>
    public const string UnsampledTypes = "Trace;Exception;Event";

    /// <summary>
    /// Failed requests and dependencies per second per instance that pass unsampled; beyond that they are sampled like
    /// the rest, so a flood of failures (404s from storage, a dead upstream) cannot fill the daily cap either.
    /// </summary>
    public const int MaxUnsampledFailuresPerSecond = 20;

    /// <summary>
    /// Kept at Warning: ASP.NET Core logs "Request starting GET …?code=…" at Information (a function key in the URL
    /// would land in Application Insights), and HttpClient logs every outgoing URL.
    /// </summary>
    public static IReadOnlyList<string> UrlLoggingCategories { get; } = ["Microsoft.AspNetCore", "System.Net.Http"];

    public static IServiceCollection AddFeedsTelemetry(this IServiceCollection services)
    {
        services
            // Sampling is set up below, with the types it must leave alone.
            .AddApplicationInsightsTelemetryWorkerService(options => options.EnableAdaptiveSampling = false)
            .ConfigureFunctionsApplicationInsights();
        services.Configure<TelemetryConfiguration>(configuration =>
        {
            var chain = configuration.DefaultTelemetrySink.TelemetryProcessorChainBuilder;
            chain.Use(next => new FailuresFirst(next, new AdaptiveSamplingTelemetryProcessor(next)
            {
                MaxTelemetryItemsPerSecond = MaxItemsPerSecond,
                ExcludedTypes = UnsampledTypes,
            }));
            chain.Build();
        });

        services.Configure<LoggerFilterOptions>(options =>
        {
            // The SDK keeps only Warning and above by default; feed run summaries and freshness are Information.
            var sdkDefault = options.Rules.FirstOrDefault(rule =>
                rule.ProviderName == typeof(ApplicationInsightsLoggerProvider).FullName && rule.CategoryName is null);
            if (sdkDefault is not null)
            {
                options.Rules.Remove(sdkDefault);
            }

            foreach (var category in UrlLoggingCategories)
            {
                // For every provider (the worker's console and host channel too), and for the telemetry provider by
                // name, since a provider-specific rule outranks a general one.
                options.AddFilter(category, LogLevel.Warning);
                options.AddFilter<ApplicationInsightsLoggerProvider>(category, LogLevel.Warning);
            }
        });
        return services;
    }

    /// <summary>
    /// Sends failed requests and dependencies straight on, past sampling, up to <see cref="MaxUnsampledFailuresPerSecond"/>
    /// a second; everything else (and failures beyond that) goes through <see cref="Sampling"/>.
    /// </summary>
    public sealed class FailuresFirst(ITelemetryProcessor next, AdaptiveSamplingTelemetryProcessor sampling) : ITelemetryProcessor
    {
        private long _second;
        private int _passed;

        public AdaptiveSamplingTelemetryProcessor Sampling => sampling;

        public void Process(ITelemetry item)
        {
            if (IsFailure(item) && TakeFailurePermit())
            {
                next.Process(item);
            }
            else
            {
                sampling.Process(item);
            }
        }

        public static bool IsFailure(ITelemetry item) => item switch
        {
            RequestTelemetry request => request.Success == false || (int.TryParse(request.ResponseCode, out var code) && code >= 500),
            DependencyTelemetry dependency => dependency.Success == false,
            _ => false,
        };

        private bool TakeFailurePermit()
        {
            var second = Environment.TickCount64 / 1000;
            if (Interlocked.Exchange(ref _second, second) != second)
            {
                Interlocked.Exchange(ref _passed, 0);
            }

            return Interlocked.Increment(ref _passed) <= MaxUnsampledFailuresPerSecond;
        }
    }
}
