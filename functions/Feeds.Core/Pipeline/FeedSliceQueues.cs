using Azure.Storage.Queues;

namespace Feeds.Core.Pipeline;

/// <summary>
/// The queue runs are fanned out over (<c>Feeds:Runs:QueueName</c>, default <c>feed-slices</c>) and its poison queue.
/// Messages are Base64, as the Functions queue trigger expects by default.
/// </summary>
public sealed class FeedSliceQueues(QueueServiceClient service, IOptions<FeedRunOptions> options)
{
    /// <summary>Attempts before a message goes to the poison queue; host.json's <c>maxDequeueCount</c> says the same (a test checks).</summary>
    public const int MaxDequeueCount = 5;

    private Task? _created;

    public QueueClient Slices { get; } = service.GetQueueClient(options.Value.QueueName);

    public QueueClient Poison { get; } = service.GetQueueClient(options.Value.PoisonQueueName);

    /// <summary>Creates both queues if missing (once per process; again after a failure).</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        var created = _created;
        if (created is { IsFaulted: false, IsCanceled: false })
        {
            return created;
        }

        return _created = CreateAsync(cancellationToken);
    }

    public async Task SendAsync(FeedSliceMessage message, CancellationToken cancellationToken) =>
        await Slices.SendMessageAsync(message.ToJson(), cancellationToken).ConfigureAwait(false);

    private async Task CreateAsync(CancellationToken cancellationToken)
    {
        await Slices.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await Poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
