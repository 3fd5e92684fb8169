using Azure;
using Azure.Storage.Queues.Models;

namespace Feeds.Core.Pipeline;

/// <summary>
/// An in-process queue worker (the local host runs <c>Feeds:Local:Workers</c> of them; tests and the benchmark run
/// several): it does what the Functions host's queue trigger does — receive a message invisibly, keep it invisible
/// while its slice runs, delete it when done, let it reappear after <see cref="FeedQueueTimings.RetryDelay"/> when
/// the slice failed, and move it to the poison queue after <see cref="FeedSliceQueues.MaxDequeueCount"/> attempts — and
/// hands every message to the same <see cref="FeedSliceProcessor"/>. Stopped mid-slice, it leaves the message to
/// reappear when its invisibility ends.
/// </summary>
public sealed class FeedQueueWorker(
    FeedSliceQueues queue, FeedSliceProcessor processor, FeedQueueTimings timings, TimeProvider time, ILogger<FeedQueueWorker> logger)
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(50);

    /// <summary>Takes messages one at a time until <paramref name="cancellationToken"/> stops it.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var idle = FirstPoll;
        try
        {
            await queue.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
            while (!cancellationToken.IsCancellationRequested)
            {
                QueueMessage[] messages;
                try
                {
                    messages = (await queue.Slices.ReceiveMessagesAsync(1, timings.VisibilityTimeout, cancellationToken).ConfigureAwait(false)).Value;
                }
                catch (Exception ex) when (StorageErrors.IsUnavailable(ex))
                {
                    logger.LogWarning(ex, "Queue {Queue} unavailable; trying again", queue.Slices.Name);
                    messages = [];
                }

                if (messages is not [var message, ..])
                {
                    await Task.Delay(idle, time, cancellationToken).ConfigureAwait(false);
                    idle = idle * 2 < timings.MaxPollInterval ? idle * 2 : timings.MaxPollInterval;
                    continue;
                }

                idle = FirstPoll;
                try
                {
                    await HandleAsync(message, cancellationToken).ConfigureAwait(false);
                }
                catch (RequestFailedException ex) when (ex.Status is 400 or 404)
                {
                    // The message's invisibility ran out and another worker holds it now (its pop receipt changed):
                    // that delivery settles it. The slice's end, if recorded, counts once whoever ends it.
                    logger.LogWarning(ex, "Lost message {MessageId} to another delivery", message.MessageId);
                }
                catch (Exception ex) when (ex is not OperationCanceledException && StorageErrors.IsUnavailable(ex))
                {
                    // Storage went away while settling the message: it reappears when its invisibility ends.
                    logger.LogWarning(ex, "Queue {Queue} unavailable while settling message {MessageId}", queue.Slices.Name, message.MessageId);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped; a message in hand reappears when its invisibility ends.
        }
    }

    private async Task HandleAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        if (message.DequeueCount > FeedSliceQueues.MaxDequeueCount)
        {
            // Its last attempt never finished (that worker stopped): the Functions host moves such a message unseen too;
            // here the run learns of it first, so it still ends.
            await processor.RecordPoisonedAsync(message.Body.ToString(),
                $"failed {FeedSliceQueues.MaxDequeueCount} times; its last attempt never finished (the worker stopped)", cancellationToken).ConfigureAwait(false);
            await MoveToPoisonAsync(message, message.PopReceipt, cancellationToken).ConfigureAwait(false);
            return;
        }

        using var renewal = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewing = KeepInvisibleAsync(message, renewal.Token);
        Exception? failure = null;
        try
        {
            await processor.ProcessAsync(message.Body.ToString(), message.DequeueCount, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            failure = ex;
        }

        // Once the slice has ended either way, the message's fate is settled even if the worker is stopping.
        await renewal.CancelAsync().ConfigureAwait(false);
        var receipt = await renewing.ConfigureAwait(false);
        if (failure is null)
        {
            await queue.Slices.DeleteMessageAsync(message.MessageId, receipt, CancellationToken.None).ConfigureAwait(false);
        }
        else if (message.DequeueCount >= FeedSliceQueues.MaxDequeueCount)
        {
            logger.LogError(failure, "Message {MessageId} failed {Attempts} times; moved to {Poison}", message.MessageId, message.DequeueCount, queue.Poison.Name);
            await MoveToPoisonAsync(message, receipt, CancellationToken.None).ConfigureAwait(false);
        }
        else
        {
            await queue.Slices.UpdateMessageAsync(message.MessageId, receipt, visibilityTimeout: timings.RetryDelay, cancellationToken: CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Renews the message's invisibility at half its timeout until cancelled; returns the latest pop receipt.</summary>
    private async Task<string> KeepInvisibleAsync(QueueMessage message, CancellationToken stop)
    {
        var receipt = message.PopReceipt;
        try
        {
            while (true)
            {
                await Task.Delay(timings.VisibilityTimeout / 2, time, stop).ConfigureAwait(false);
                var updated = await queue.Slices.UpdateMessageAsync(message.MessageId, receipt, visibilityTimeout: timings.VisibilityTimeout, cancellationToken: stop).ConfigureAwait(false);
                receipt = updated.Value.PopReceipt;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return receipt;
        }
        catch (RequestFailedException ex)
        {
            // Lost the message (it reappeared and another worker has it): that worker's delivery counts instead.
            logger.LogWarning(ex, "Could not keep message {MessageId} invisible", message.MessageId);
            return receipt;
        }
    }

    private async Task MoveToPoisonAsync(QueueMessage message, string receipt, CancellationToken cancellationToken)
    {
        await queue.Poison.SendMessageAsync(message.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
        await queue.Slices.DeleteMessageAsync(message.MessageId, receipt, cancellationToken).ConfigureAwait(false);
    }
}
