using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;

namespace Feeds.Functions.Triggers;

/// <summary>
/// Runs one slice of a queued run per message of <c>feed-slices</c> (<c>%Feeds:Runs:QueueName%</c>), on every
/// instance the platform scales out to. A thrown slice is retried by the host (host.json <c>queues</c>) and lands in
/// <c>feed-slices-poison</c> after <c>maxDequeueCount</c> attempts, recorded on its run first.
/// </summary>
public sealed class FeedSliceTrigger(FeedSliceProcessor processor)
{
    [Function("FeedSlice")]
    public Task Slice(
        [QueueTrigger("%" + FeedRunOptions.Section + ":QueueName%", Connection = "FeedsStorage")] QueueMessage message, CancellationToken cancellationToken) =>
        processor.ProcessAsync(message.Body.ToString(), message.DequeueCount, cancellationToken);
}
