using System.Reflection;
using System.Text.Json.Nodes;
using Feeds.Core.Pipeline;
using Feeds.Functions.Triggers;
using Feeds.Local;
using Microsoft.Azure.Functions.Worker;

namespace Feeds.Tests.Unit;

/// <summary>The queue trigger, host.json, the local workers and the documentation agree on how the run queue works.</summary>
public sealed class QueueSettingsTests
{
    private static JsonObject HostQueues() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "host.json")))!["extensions"]!["queues"]!.AsObject();

    [Fact]
    public void Host_json_moves_a_message_to_poison_after_as_many_attempts_as_the_local_workers()
    {
        var queues = HostQueues();
        Assert.Equal(FeedSliceQueues.MaxDequeueCount, (int)queues["maxDequeueCount"]!);
        Assert.Equal("base64", (string)queues["messageEncoding"]!);
        foreach (var key in new[] { "batchSize", "newBatchThreshold", "visibilityTimeout", "maxDequeueCount", "maxPollingInterval" })
        {
            // Each value is explained in docs/configuration.md (Functions host).
            Assert.Contains($"| `queues.{key}` | `{queues[key]}` |", File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "configuration.md")), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_queue_trigger_listens_on_the_queue_the_setting_names_through_the_feeds_storage_connection()
    {
        var parameter = typeof(FeedSliceTrigger).GetMethod(nameof(FeedSliceTrigger.Slice))!.GetParameters()[0];
        var trigger = parameter.GetCustomAttribute<QueueTriggerAttribute>()!;

        Assert.Equal($"%{SettingKeys.RunsQueueName}%", trigger.QueueName);
        Assert.Equal(Feeds.Core.Configuration.FeedsSettings.StorageConnection, trigger.Connection);
    }

    [Fact]
    public void The_local_workers_setting_is_documented_with_its_default()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "configuration.md"));
        Assert.Contains($"`{SettingKeys.LocalWorkers}`, default `{new LocalOptions().Workers}`", docs, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("feed-slices", true)]
    [InlineData("t0a1b2c3d4e-slices", true)]
    [InlineData("Feed-Slices", false)]
    [InlineData("feed--slices", false)]
    [InlineData("-feed", false)]
    [InlineData("fs", false)]
    public void Queue_names_follow_the_storage_rule(string name, bool valid) =>
        Assert.Equal(valid, !new FeedRunOptions { QueueName = name }.Problems().Any());
}
