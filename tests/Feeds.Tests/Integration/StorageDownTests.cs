using System.Net;
using System.Text.Json;
using Feeds.Local;
using Feeds.Tests.Support;

namespace Feeds.Tests.Integration;

/// <summary>With storage unreachable, health says so with a 503 and data routes answer 503 problem+json, not 500.</summary>
public sealed class StorageDownTests
{
    [Fact]
    public async Task Health_is_503_and_routes_are_503_problems()
    {
        var closedPort = AzuriteProcess.FreePort();
        var settings = new Dictionary<string, string?>
        {
            [SettingKeys.StorageConnection] = new AzuriteOptions("/", closedPort, closedPort, closedPort, null).ConnectionString,
        };
        await using var server = await LocalServer.StartAsync(settings, seedCatalog: false);

        using var health = await server.Client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("unhealthy", JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());

        using var minerals = await server.Client.GetAsync("/api/minerals");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, minerals.StatusCode);
        Assert.Equal("application/problem+json", minerals.Content.Headers.ContentType?.MediaType);
    }
}
