using Feeds.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace Feeds.Tests.Support;

/// <summary>In-process queue workers over a test's own queue (the same <see cref="FeedQueueWorker"/> the local host runs).</summary>
public static class QueueWorkers
{
    /// <summary>Runs <paramref name="count"/> workers until the run has ended, then stops them; returns the final record.</summary>
    public static async Task<FeedRunRecord> RunUntilEndedAsync(IServiceProvider services, FeedRunRecord run, int count = 1, TimeSpan? timeout = null)
    {
        using var stop = new CancellationTokenSource();
        var workers = Start(services, count, stop.Token);
        try
        {
            using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
            return await services.GetRequiredService<FeedRunStarter>().WaitAsync(run, null, TimeSpan.FromMilliseconds(50), limit.Token);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(workers);
        }
    }

    /// <summary>Runs workers until the feed's latest run has ended (a run a timer started).</summary>
    public static async Task<FeedRunRecord> RunLatestAsync(IServiceProvider services, string feed, int count = 1)
    {
        var latest = Assert.Single(await services.GetRequiredService<FeedRunStore>().LatestAsync(feed, 1, CancellationToken.None));
        return await RunUntilEndedAsync(services, latest, count);
    }

    public static List<Task> Start(IServiceProvider services, int count, CancellationToken stop)
    {
        var worker = services.GetRequiredService<FeedQueueWorker>();
        return [.. Enumerable.Range(0, count).Select(_ => Task.Run(() => worker.RunAsync(stop), CancellationToken.None))];
    }
}
