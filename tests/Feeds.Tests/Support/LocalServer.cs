using Feeds.Core.Catalog;
using Feeds.Core.Pipeline;
using Feeds.Local;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Feeds.Tests.Support;

/// <summary>The local host on a free loopback port over real HTTP, with its own tables in the shared Azurite.</summary>
public sealed class LocalServer : IAsyncDisposable
{
    private LocalServer(WebApplication app, Uri baseAddress)
    {
        App = app;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public static async Task<LocalServer> StartAsync(
        IDictionary<string, string?> settings, bool seedCatalog = true, Action<IServiceCollection>? configureServices = null)
    {
        var app = LocalHost.Build(["--urls", "http://127.0.0.1:0"], settings, configureServices);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var server = new LocalServer(app, new Uri(address));
        if (seedCatalog)
        {
            var run = await app.Services.GetRequiredService<FeedRunService>()
                .RunAsync(CatalogFeed.FeedName, "test", force: false, progress: null, CancellationToken.None);
            Assert.Equal(FeedRunStatus.Succeeded, run.Status);
        }

        return server;
    }

    /// <summary>Runs every registered feed once and asserts each succeeded.</summary>
    public async Task RunAllFeedsAsync()
    {
        var feeds = App.Services.GetRequiredService<FeedRunService>();
        foreach (var name in feeds.FeedNames)
        {
            var run = await feeds.RunAsync(name, "test", force: false, progress: null, CancellationToken.None);
            Assert.True(run.Status == FeedRunStatus.Succeeded, $"{name}: {run.Status} {run.Error} {string.Join("; ", run.Outcome?.FailedSlices ?? [])}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        // Bounded: a background service that does not stop in time must not hang the suite at its end.
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await App.StopAsync(stopping.Token);
        await App.DisposeAsync();
    }
}
