using Microsoft.Extensions.Options;

namespace Feeds.Local;

/// <summary>
/// The local host's queue workers: <c>Feeds:Local:Workers</c> in-process <see cref="FeedQueueWorker"/>s on the same
/// queue the Functions app uses (Azurite locally), so runs started by <c>up</c>, <c>ingest</c> or
/// <c>POST /api/feeds/{feed}/runs</c> are processed as in Azure. A hosted service (serve), also started by hand before
/// the API serves (up, ingest); starting twice starts once.
/// </summary>
public sealed class LocalWorkers(FeedQueueWorker worker, IOptions<LocalOptions> options, ILogger<LocalWorkers> logger) : IHostedService, IDisposable
{
    private readonly Lock _gate = new();
    private CancellationTokenSource? _stop;
    private Task[] _running = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_stop is not null)
            {
                return Task.CompletedTask;
            }

            _stop = new CancellationTokenSource();
            var stop = _stop.Token;
            _running = [.. Enumerable.Range(0, options.Value.Workers).Select(_ => Task.Run(() => worker.RunAsync(stop), CancellationToken.None))];
        }

        logger.LogInformation("{Workers} queue workers started", options.Value.Workers);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task[] running;
        lock (_gate)
        {
            if (_stop is null)
            {
                return;
            }

            _stop.Cancel();
            running = _running;
        }

        await Task.WhenAll(running).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _stop?.Dispose();
}
