using System.Collections.Concurrent;
using Feeds.Functions;
using Microsoft.ApplicationInsights.Channel;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Feeds.Tests.Security;

/// <summary>
/// The Functions worker's telemetry as Program.cs sets it up, with the real Application Insights logger provider and
/// sampling processor: request URLs (and a function key in them) never reach it, the feed logs do, whole.
/// </summary>
public sealed class TelemetryTests
{
    /// <summary>Where the SDK would transmit: everything that passed the processors.</summary>
    private sealed class CaptureChannel : ITelemetryChannel
    {
        public ConcurrentQueue<ITelemetry> Items { get; } = new();

        public bool? DeveloperMode { get; set; }

        public string EndpointAddress { get; set; } = "";

        public void Send(ITelemetry item) => Items.Enqueue(item);

        public void Flush()
        {
        }

        public void Dispose()
        {
        }
    }

    private static (ServiceProvider Services, CaptureChannel Channel) Worker()
    {
        var channel = new CaptureChannel();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/",
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<ITelemetryChannel>(channel)
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Information));
        services.AddFeedsTelemetry();
        var provider = services.BuildServiceProvider();
        // The SDK builds its pipeline on first use.
        _ = provider.GetRequiredService<TelemetryConfiguration>();
        return (provider, channel);
    }

    private static List<TraceTelemetry> Traces(CaptureChannel channel) => [.. channel.Items.OfType<TraceTelemetry>()];

    [Fact]
    public async Task Request_lines_with_a_function_key_never_reach_telemetry_but_feed_logs_and_warnings_do()
    {
        var (services, channel) = Worker();
        await using (services)
        {
            var factory = services.GetRequiredService<ILoggerFactory>();
            factory.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics")
                .LogInformation("Request starting HTTP/1.1 GET http://127.0.0.1/api/snapshots/latest/links?code={Key}", "SECRET-KEY-1");
            factory.CreateLogger("System.Net.Http.HttpClient.usgs.LogicalHandler")
                .LogInformation("Start processing HTTP request GET {Uri}", "https://example.org/?code=SECRET-KEY-2");
            factory.CreateLogger("Microsoft.AspNetCore.Server.Kestrel").LogWarning("Kestrel warning {Detail}", "kept");
            factory.CreateLogger("Feeds.Core.Pipeline.FeedRunService")
                .LogInformation("Feed {Feed} run {RunId} {Status}", "catalog", "20260101T000000000Z-abcdef", "Succeeded");
        }

        var traces = Traces(channel);
        Assert.DoesNotContain(traces, t => t.Message.Contains("SECRET-KEY", StringComparison.Ordinal));
        Assert.Contains(traces, t => t.Message.StartsWith("Feed catalog run", StringComparison.Ordinal) && t.SeverityLevel == SeverityLevel.Information);
        Assert.Contains(traces, t => t.Message == "Kestrel warning kept");
    }

    [Fact]
    public async Task Requests_and_dependencies_are_sampled_and_logs_exceptions_and_events_never_are()
    {
        var (services, _) = Worker();
        await using (services)
        {
            var processors = services.GetRequiredService<TelemetryConfiguration>().DefaultTelemetrySink.TelemetryProcessors;
            var sampling = Assert.Single(processors.OfType<FunctionsTelemetry.FailuresFirst>()).Sampling;
            Assert.Equal(FunctionsTelemetry.MaxItemsPerSecond, sampling.MaxTelemetryItemsPerSecond);
            var excluded = sampling.ExcludedTypes.Split(';');
            Assert.Equal(["Event", "Exception", "Trace"], excluded.Order());
            Assert.True(string.IsNullOrEmpty(sampling.IncludedTypes), "every other type (requests, dependencies) is sampled");
        }
    }

    /// <summary>The end of a processor chain: whatever would be transmitted.</summary>
    private sealed class Sink : ITelemetryProcessor
    {
        public ConcurrentQueue<ITelemetry> Items { get; } = new();

        public void Process(ITelemetry item) => Items.Enqueue(item);
    }

    private static DependencyTelemetry Dependency(bool success)
    {
        var item = new DependencyTelemetry("Azure table", "feeds.table.core.windows.net", "GET TradeFlows", "") { Success = success };
        item.Context.Operation.Id = Guid.NewGuid().ToString("N");
        return item;
    }

    [Fact]
    public void Failures_pass_unsampled_while_successes_are_sampled_and_a_flood_of_failures_is_sampled_too()
    {
        var sink = new Sink();
        // The worker's processor, its sampler already thinned to 1 % (adaptive sampling gets there under a flood).
        var processor = new FunctionsTelemetry.FailuresFirst(sink, new Microsoft.ApplicationInsights.WindowsServer.TelemetryChannel.AdaptiveSamplingTelemetryProcessor(sink)
        {
            InitialSamplingPercentage = 1,
            MinSamplingPercentage = 1,
            MaxSamplingPercentage = 1,
            ExcludedTypes = FunctionsTelemetry.UnsampledTypes,
        });

        for (var i = 0; i < 2000; i++)
        {
            processor.Process(Dependency(success: true));
        }

        var failed = new RequestTelemetry("GET /api/trade", TimeProvider.System.GetUtcNow(), TimeSpan.FromMilliseconds(5), "503", success: false);
        failed.Context.Operation.Id = Guid.NewGuid().ToString("N");
        processor.Process(failed);
        processor.Process(Dependency(success: false));

        var kept = sink.Items.ToList();
        Assert.Contains(failed, kept);
        Assert.Single(kept.OfType<DependencyTelemetry>(), d => d.Success == false);
        Assert.InRange(kept.OfType<DependencyTelemetry>().Count(d => d.Success == true), 0, 100); // about 20 of 2,000

        // A flood of failures: a bounded number a second passes whole, the rest is sampled like anything else.
        sink.Items.Clear();
        for (var i = 0; i < 5000; i++)
        {
            processor.Process(Dependency(success: false));
        }

        Assert.InRange(sink.Items.Count, 1, (2 * FunctionsTelemetry.MaxUnsampledFailuresPerSecond) + 200);
    }

    [Fact]
    public void The_functions_host_samples_requests_too_and_keeps_every_exception()
    {
        // host.json: the host writes the request telemetry; a flood of requests must be sampled there as well.
        var host = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Feeds.Local.RepositoryRoot.Find(), "host.json")))!;
        var sampling = host["logging"]!["applicationInsights"]!["samplingSettings"]!;
        Assert.True((bool)sampling["isEnabled"]!);
        var excluded = ((string?)sampling["excludedTypes"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("Exception", excluded);
        Assert.DoesNotContain("Request", excluded);
        Assert.InRange((double)sampling["maxTelemetryItemsPerSecond"]!, 1, 20);
    }
}
