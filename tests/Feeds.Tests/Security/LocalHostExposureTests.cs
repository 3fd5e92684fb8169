using System.Net;
using System.Text.Json;
using Feeds.Local;
using Feeds.Tests.Support;

namespace Feeds.Tests.Security;

/// <summary>
/// The local host serves its keyless copies of the keyed routes to this machine only: it refuses to listen beyond
/// loopback unless told to, and answers only to loopback host names (no DNS rebinding). Local settings that may hold a
/// key are never tracked.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LocalHostExposureTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://*:7071")]
    [InlineData("http://+:7071")]
    [InlineData("http://192.168.1.20:7071")]
    [InlineData("http://127.0.0.1:0;http://[::]:0")]
    public void Listening_beyond_loopback_is_refused_without_the_flag(string urls)
    {
        var error = Assert.Throws<InvalidOperationException>(() => LocalHost.Build(["--urls", urls]));
        Assert.Contains("--allow-remote", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_flag_allows_another_address()
    {
        var (parsed, _) = LocalArguments.Parse(["serve", "--allow-remote", "--urls", "http://0.0.0.0:0"]);
        Assert.Contains($"--{LocalHost.AllowRemoteKey}=true", parsed!.HostArguments);
        var app = LocalHost.Build([.. parsed.HostArguments]);
        Assert.NotNull(app);
    }

    [Theory]
    [InlineData("http://127.0.0.1:7071", true)]
    [InlineData("http://127.3.4.5:80", true)]
    [InlineData("http://localhost:5000", true)]
    [InlineData("http://[::1]:7071", true)]
    [InlineData("https://[::1]", true)]
    [InlineData("http://[::]:7071", false)]
    [InlineData("http://0.0.0.0:7071", false)]
    [InlineData("http://localhost.evil.example:7071", false)]
    [InlineData("http://10.0.0.1:7071", false)]
    public void Loopback_urls_are_recognised(string url, bool loopback) =>
        Assert.Equal(loopback, LocalHost.IsLoopback(url));

    [Fact]
    public async Task Only_loopback_host_names_are_answered()
    {
        await using var server = await LocalServer.StartAsync(TestStorage.Settings(azurite), seedCatalog: false);
        foreach (var (host, allowed) in new[] { ("evil.example", false), ("localhost", true), ("127.0.0.1", true), ("attacker.example:7071", false) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/openapi.json");
            request.Headers.Host = host;
            using var response = await server.Client.SendAsync(request);
            Assert.True(allowed == (response.StatusCode == HttpStatusCode.OK), $"Host {host}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public void Local_functions_settings_are_a_tracked_sample_and_an_ignored_copy()
    {
        var root = RepositoryRoot.Find();
        var sample = Path.Combine(root, "functions", "Feeds.Functions", "local.settings.sample.json");
        var values = JsonDocument.Parse(File.ReadAllText(sample)).RootElement.GetProperty("Values");
        Assert.Equal("", values.GetProperty("Feeds:Comtrade:SubscriptionKey").GetString());

        var ignore = File.ReadAllLines(Path.Combine(root, ".gitignore")).Select(l => l.Trim()).ToList();
        Assert.Contains("local.settings.json", ignore);
        Assert.DoesNotContain(ignore, l => l.StartsWith('!') && l.Contains("local.settings.json", StringComparison.Ordinal));
    }
}
