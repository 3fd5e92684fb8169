using System.Net;
using System.Text.Json;
using Feeds.Core;
using Feeds.Core.Http;
using Feeds.Local;
using Feeds.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Feeds.Tests.Security;

/// <summary>
/// The middleware both hosts run before any route: security headers on every answer, and the per-client rate limit
/// on the anonymous routes that read storage (429 problem+json with Retry-After), over real HTTP on the local host and
/// through the startup filter as the Functions worker composes it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HttpHardeningTests(AzuriteFixture azurite)
{
    private const string Sourcing = "/api/sourcing?mineral=lithium&buyer=IND";

    private async Task<LocalServer> ServerAsync(int permitsPerMinute, string? frontDoorId = null)
    {
        var settings = TestStorage.Settings(azurite);
        settings[SettingKeys.RateLimitPermitsPerMinute] = permitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings[SettingKeys.RateLimitFrontDoorId] = frontDoorId;
        return await LocalServer.StartAsync(settings, seedCatalog: false);
    }

    private static async Task<HttpResponseMessage> GetAsync(LocalServer server, string url, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await server.Client.SendAsync(request);
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers_with_the_api_or_the_page_policy()
    {
        await using var server = await ServerAsync(permitsPerMinute: 0);
        foreach (var url in new[] { "/api/health", "/api/minerals?list=typo", "/api/no-such-route", "/" })
        {
            using var response = await GetAsync(server, url);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            var policy = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Equal(url.StartsWith("/api/", StringComparison.Ordinal) ? SecurityHeaders.ApiPolicy : SecurityHeaders.DashboardPolicy, policy);
            Assert.Contains("frame-ancestors 'none'", policy);
        }
    }

    [Theory]
    [InlineData("/api/openapi.json", 200, CachePolicies.Reference)]
    [InlineData("/api/openapi.json?_=1732832100", 200, CachePolicies.Reference)] // a cache-buster: not in the edge's key, and it changes nothing
    [InlineData("/api/openapi.json?Format=json", 200, CachePolicies.None)] // the edge keys on "format": another spelling is never stored
    [InlineData("/api/minerals?list=typo", 400, CachePolicies.None)]
    [InlineData("/api/no-such-route", 404, CachePolicies.None)]
    [InlineData("/api/health", 200, CachePolicies.None)]
    public async Task Only_what_a_route_marks_public_may_be_cached_by_a_shared_cache(string url, int status, string cacheControl)
    {
        // Front Door keeps a response without Cache-Control for one to three days: every /api answer says what it allows.
        await using var server = await ServerAsync(permitsPerMinute: 0);
        using var response = await GetAsync(server, url);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(cacheControl, response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task A_flood_from_one_client_gets_429_problems_with_retry_after_while_other_clients_and_cheap_routes_are_served()
    {
        await using var server = await ServerAsync(permitsPerMinute: 3);
        var flooder = ("X-Forwarded-For", "203.0.113.7:50123");
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await GetAsync(server, Sourcing + "&_=" + i, flooder);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        using (var limited = await GetAsync(server, Sourcing + "&_=busted", flooder))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
            Assert.Equal("application/problem+json", limited.Content.Headers.ContentType!.MediaType);
            var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(retryAfter, 1, 20);
            var problem = JsonDocument.Parse(await limited.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(429, problem.GetProperty("status").GetInt32());
            Assert.Equal(ApiResponses.ProblemTypePrefix + "rate-limited", problem.GetProperty("type").GetString());
            Assert.Equal("/api/sourcing", problem.GetProperty("instance").GetString());
            Assert.Equal("nosniff", limited.Headers.GetValues("X-Content-Type-Options").Single());
        }

        // Prepending other addresses does not make a new client: the platform's entry is the right-most public one.
        using (var spoofed = await GetAsync(server, "/api/trade?reporter=IND&mineral=lithium", ("X-Forwarded-For", "198.51.100.1, 203.0.113.7:50999, 10.0.0.4")))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, spoofed.StatusCode);
        }

        using (var other = await GetAsync(server, Sourcing, ("X-Forwarded-For", "198.51.100.20")))
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, other.StatusCode);
        }

        // The catalog answers from memory: not limited.
        using (var catalog = await GetAsync(server, "/api/minerals", flooder))
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, catalog.StatusCode);
        }
    }

    [Fact]
    public async Task Behind_front_door_clients_are_counted_by_the_edge_header_only_with_the_profile_id()
    {
        const string profile = "7c9f3a52-1b2d-4e5f-8a9b-0c1d2e3f4a5b";
        await using var server = await ServerAsync(permitsPerMinute: 1, frontDoorId: profile);
        (string, string) Edge(string client) => ("X-Azure-ClientIP", client);
        var fdid = ("X-Azure-FDID", profile);
        // All through the same edge address: X-Forwarded-For alone would make them one client.
        var edgeHop = ("X-Forwarded-For", "203.0.113.50, 147.243.0.10");

        using (var first = await GetAsync(server, Sourcing, fdid, Edge("192.0.2.1"), edgeHop))
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, first.StatusCode);
        }

        using (var second = await GetAsync(server, Sourcing, fdid, Edge("192.0.2.2"), edgeHop))
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, second.StatusCode);
        }

        using (var again = await GetAsync(server, Sourcing, fdid, Edge("192.0.2.1"), edgeHop))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        }

        // A forged client header without the profile id counts as the X-Forwarded-For client.
        using (var forged = await GetAsync(server, Sourcing, ("X-Azure-FDID", Guid.NewGuid().ToString()), Edge("192.0.2.99"), ("X-Forwarded-For", "198.51.100.77")))
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, forged.StatusCode);
        }

        using (var forgedAgain = await GetAsync(server, Sourcing, ("X-Azure-FDID", Guid.NewGuid().ToString()), Edge("192.0.2.98"), ("X-Forwarded-For", "198.51.100.77")))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, forgedAgain.StatusCode);
        }
    }

    [Fact]
    public async Task The_functions_worker_pipeline_runs_the_same_headers_and_limiter_first()
    {
        // The ASP.NET Core integration builds the worker's pipeline from startup filters plus its own endpoints; the
        // filter registered by AddFeedsCore must come first and answer a flood without reaching a function.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [SettingKeys.RateLimitPermitsPerMinute] = "2",
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddFeedsCore(configuration).BuildServiceProvider();
        var app = new ApplicationBuilder(services);
        var reached = 0;
        Action<IApplicationBuilder> pipeline = b => b.Run(context =>
        {
            reached++;
            context.Response.StatusCode = 200;
            return Task.CompletedTask;
        });
        foreach (var filter in services.GetServices<IStartupFilter>().Reverse())
        {
            pipeline = filter.Configure(pipeline);
        }

        pipeline(app);
        var handler = app.Build();
        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var response = new StartingResponse();
            var context = new DefaultHttpContext { RequestServices = services };
            context.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpResponseFeature>(response);
            context.Request.Path = "/api/sourcing";
            context.Request.Headers["X-Forwarded-For"] = "203.0.113.9";
            context.Response.Body = new MemoryStream();
            await handler(context);
            await response.StartAsync();
            statuses.Add(context.Response.StatusCode);
            Assert.Equal(SecurityHeaders.ApiPolicy, context.Response.Headers.ContentSecurityPolicy.ToString());
        }

        Assert.Equal([200, 200, 429], statuses);
        Assert.Equal(2, reached);
    }

    /// <summary>A response feature that runs OnStarting callbacks, as a server does when the response starts.</summary>
    private sealed class StartingResponse : Microsoft.AspNetCore.Http.Features.HttpResponseFeature
    {
        private readonly List<(Func<object, Task> Callback, object State)> _starting = [];

        public override void OnStarting(Func<object, Task> callback, object state) => _starting.Add((callback, state));

        public async Task StartAsync()
        {
            foreach (var (callback, state) in Enumerable.Reverse(_starting))
            {
                await callback(state);
            }
        }
    }

    [Theory]
    [InlineData("203.0.113.7", null, "203.0.113.7")]
    [InlineData("198.51.100.1, 203.0.113.7:443", null, "203.0.113.7")]
    [InlineData("203.0.113.7, 10.1.2.3, 172.20.0.1, 192.168.1.1, 100.64.0.1", null, "203.0.113.7")]
    [InlineData("[2001:db8:1:2:3:4:5:6]:8080", null, "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:ffff::1", null, "2001:db8:1:2::/64")]
    [InlineData("garbage, 10.0.0.1", null, "127.0.0.1")]
    [InlineData("", null, "127.0.0.1")]
    [InlineData("203.0.113.7", "192.0.2.44", "192.0.2.44")]
    public void Client_address_is_the_edge_header_with_the_profile_or_the_platform_appended_hop(string forwardedFor, string? edge, string expected)
    {
        const string profile = "7c9f3a52-1b2d-4e5f-8a9b-0c1d2e3f4a5b";
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        if (edge is not null)
        {
            context.Request.Headers["X-Azure-FDID"] = profile;
            context.Request.Headers["X-Azure-ClientIP"] = edge;
        }

        Assert.Equal(expected, ClientAddress.Of(context, profile));
    }

    [Theory]
    [InlineData("/api/sourcing", true)]
    [InlineData("/api/trade/partners", true)]
    [InlineData("/API/Trade", true)]
    [InlineData("/api/events/cn-gallium-2023/impact", true)]
    [InlineData("/api/health", true)]
    [InlineData("/api/minerals", false)]
    [InlineData("/api/events", false)]
    [InlineData("/api/openapi.json", false)]
    [InlineData("/api/snapshots/latest/links", false)]
    [InlineData("/api/feeds/usgs/quarantine", false)]
    [InlineData("/sourcing", false)]
    public void Limited_routes_are_the_anonymous_ones_that_read_storage(string path, bool limited) =>
        Assert.Equal(limited, ApiRoutes.IsReadStorage(path));

    [Fact]
    public void Every_route_is_limited_unless_it_answers_from_memory_or_takes_a_key()
    {
        // A new route must be placed: reading storage (rate-limited) or one of these, each for its reason.
        string[] fromMemory = [ApiRoutes.Minerals, ApiRoutes.Mineral, ApiRoutes.Countries, ApiRoutes.Events, ApiRoutes.OpenApi];
        string[] keyed = [ApiRoutes.SnapshotsLatestLinks, ApiRoutes.FeedQuarantine, ApiRoutes.FeedRuns, ApiRoutes.FeedRun];
        var routes = typeof(ApiRoutes).GetFields().Where(f => f.IsLiteral && f.Name != nameof(ApiRoutes.Prefix)).Select(f => (string)f.GetValue(null)!).ToList();

        Assert.Empty(ApiRoutes.ReadStorage.Intersect(fromMemory.Concat(keyed)));
        Assert.Equal(routes.Order(StringComparer.Ordinal), ApiRoutes.ReadStorage.Concat(fromMemory).Concat(keyed).Order(StringComparer.Ordinal));
    }
}
