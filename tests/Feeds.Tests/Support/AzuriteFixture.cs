using Feeds.Local;

namespace Feeds.Tests.Support;

/// <summary>
/// One real Azurite for the whole test run: in memory, loopback, on free ports (so it never collides with a
/// developer's running <c>up</c>). Tests isolate themselves with a unique table prefix.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    public string ConnectionString => _azurite?.Options.ConnectionString
        ?? throw new InvalidOperationException("Azurite has not started.");

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot.Find();
        var options = new AzuriteOptions(root, AzuriteProcess.FreePort(), AzuriteProcess.FreePort(), AzuriteProcess.FreePort(), Location: null);
        _azurite = await AzuriteProcess.StartAsync(options, TextWriter.Null, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
