using Feeds.Local;

namespace Feeds.Tests.Support;

/// <summary>
/// One real Azurite for the whole test run: in memory, loopback, on free ports (so it never collides with a
/// developer's running <c>up</c>). Tests isolate themselves with a unique table prefix.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;
    private readonly SemaphoreSlim _serverLock = new(1, 1);
    private LocalServer? _seeded;

    public AzuriteOptions Options => _azurite?.Options ?? throw new InvalidOperationException("Azurite has not started.");

    public string ConnectionString => Options.ConnectionString;

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot.Find();
        var options = new AzuriteOptions(root, AzuriteProcess.FreePort(), AzuriteProcess.FreePort(), AzuriteProcess.FreePort(), Location: null);
        _azurite = await AzuriteProcess.StartAsync(options, TextWriter.Null, CancellationToken.None);
    }

    /// <summary>
    /// One local host shared by read-only API tests: its own tables, seeded once with every feed from the offline
    /// replay (recorded payloads), so tests that only read need not seed again.
    /// </summary>
    public async Task<LocalServer> SeededServerAsync()
    {
        await _serverLock.WaitAsync();
        try
        {
            if (_seeded is null)
            {
                var settings = TestStorage.Settings(this);
                settings[SettingKeys.SourcesOffline] = "true";
                settings[SettingKeys.ComtradeFromYear] = "2020";
                settings[SettingKeys.ComtradeToYear] = "2024";
                settings[SettingKeys.ComtradeRequestsPerSecond] = "1000";
                var server = await LocalServer.StartAsync(settings);
                await server.RunAllFeedsAsync();
                _seeded = server;
            }

            return _seeded;
        }
        finally
        {
            _serverLock.Release();
        }
    }

    public async Task DisposeAsync()
    {
        if (_seeded is not null)
        {
            await _seeded.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
