using System.Net;
using System.Text.Json;
using Feeds.Core.Operations;
using Feeds.Tests.Support;

namespace Feeds.Tests.Integration;

/// <summary>
/// What a strict client sees at the protocol level on every route of the OpenAPI document: errors the hosts produce
/// themselves (a method a route does not take, an Accept nothing satisfies, an over-long or malformed target) are
/// problem+json like every other error, and HEAD answers as GET does without the body.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HttpProtocolTests(AzuriteFixture azurite)
{
    /// <summary>Every GET path of the document, its path parameters filled with ids that exist.</summary>
    public static TheoryData<string> Paths()
    {
        var data = new TheoryData<string>();
        foreach (var (path, operations) in OpenApiDocument.Parse()["paths"]!.AsObject())
        {
            if (!operations!.AsObject().ContainsKey("get"))
            {
                // The action route (starting a run) has its own test below.
                continue;
            }

            data.Add("/api" + path.Replace("{id}", path.StartsWith("/events", StringComparison.Ordinal) ? "chn-2023-graphite-licensing" : "lithium", StringComparison.Ordinal)
                .Replace("{feed}", "comtrade", StringComparison.Ordinal));
        }

        return data;
    }

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string what)
    {
        Assert.True(status == response.StatusCode, $"{what}: {(int)response.StatusCode}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{what}: {response.Content.Headers.ContentType}");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("title").GetString()));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Methods_other_than_get_and_head_are_405_problems_with_allow_and_options_lists_them(string path)
    {
        var server = await azurite.SeededServerAsync();
        foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete })
        {
            using var request = new HttpRequestMessage(method, path) { Content = new StringContent("{}") };
            using var response = await server.Client.SendAsync(request);
            await AssertProblem(response, HttpStatusCode.MethodNotAllowed, $"{method} {path}");
            Assert.Equal(["GET", "HEAD", "OPTIONS"], response.Content.Headers.Allow);
        }

        using var options = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, path));
        Assert.Equal(HttpStatusCode.NoContent, options.StatusCode);
        Assert.Equal(["GET", "HEAD", "OPTIONS"], options.Content.Headers.Allow);
    }

    [Fact]
    public async Task The_run_starting_route_takes_post_only_and_options_lists_it()
    {
        var server = await azurite.SeededServerAsync();
        const string path = "/api/feeds/comtrade/runs";
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete })
        {
            using var request = new HttpRequestMessage(method, path) { Content = method == HttpMethod.Get ? null : new StringContent("{}") };
            using var response = await server.Client.SendAsync(request);
            await AssertProblem(response, HttpStatusCode.MethodNotAllowed, $"{method} {path}");
            Assert.Equal(["POST", "OPTIONS"], response.Content.Headers.Allow);
        }

        using var head = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, head.StatusCode);
        using var options = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, path));
        Assert.Equal(HttpStatusCode.NoContent, options.StatusCode);
        Assert.Equal(["POST", "OPTIONS"], options.Content.Headers.Allow);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Head_answers_like_get_without_the_body(string path)
    {
        var server = await azurite.SeededServerAsync();
        using var get = await server.Client.GetAsync(path);
        var getBody = await get.Content.ReadAsByteArrayAsync();

        using var head = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.ToString(), head.Content.Headers.ContentType?.ToString());
        Assert.Equal(getBody.Length, head.Content.Headers.ContentLength);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_accept_nothing_satisfies_is_a_406_problem_and_wildcards_still_get_json()
    {
        var server = await azurite.SeededServerAsync();
        using var xml = new HttpRequestMessage(HttpMethod.Get, "/api/minerals");
        xml.Headers.Accept.ParseAdd("application/xml");
        using var refused = await server.Client.SendAsync(xml);
        await AssertProblem(refused, HttpStatusCode.NotAcceptable, "Accept: application/xml");

        using var any = new HttpRequestMessage(HttpMethod.Get, "/api/minerals");
        any.Headers.Accept.ParseAdd("application/xml, */*;q=0.1");
        using var served = await server.Client.SendAsync(any);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("application/json", served.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/minerals/")]
    [InlineData("/api/trade?reporter=USA&mineral=")]
    public async Task An_over_long_target_is_a_414_problem(string prefix)
    {
        var server = await azurite.SeededServerAsync();
        using var response = await server.Client.GetAsync(prefix + new string('a', 20_000));
        await AssertProblem(response, HttpStatusCode.RequestUriTooLong, prefix);
    }

    [Fact]
    public async Task A_nul_in_the_path_is_refused_by_the_web_server_itself()
    {
        // Kestrel (under both hosts) rejects a decoded NUL before any application code runs, so this 400 cannot carry a
        // problem body (docs/api.md says so); what matters is that it is a 400 and nothing behind it is reached.
        var server = await azurite.SeededServerAsync();
        using var response = await server.Client.GetAsync("/api/minerals/%00");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/minerals/%ZZ")]
    [InlineData("/api/minerals/%C0%AF")]
    [InlineData("/api/nope")]
    public async Task Malformed_or_unknown_targets_are_problems(string url)
    {
        var server = await azurite.SeededServerAsync();
        using var response = await server.Client.GetAsync(url);
        Assert.True((int)response.StatusCode is 400 or 404, $"{url}: {(int)response.StatusCode}");
        await AssertProblem(response, response.StatusCode, url);
    }
}
