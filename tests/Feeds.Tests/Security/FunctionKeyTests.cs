using System.Text.Json;
using System.Text.Json.Nodes;
using Feeds.Core.Http;
using Feeds.Core.Operations;
using Feeds.Local;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Feeds.Tests.Security;

/// <summary>
/// A function key travels in the x-functions-key header only: the API description says so, and a key a client still
/// puts in the URL (code=) is never echoed back in a problem, a Link or anywhere in a response.
/// </summary>
public sealed class FunctionKeyTests
{
    private const string Key = "SECRET-function-key-0123456789";

    private static HttpContext Context(string query)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("func-feeds.azurewebsites.net");
        context.Request.Path = "/api/snapshots/latest/links";
        context.Request.QueryString = new QueryString(query);
        context.Response.Body = new MemoryStream();
        return context;
    }

    private static async Task<(int Status, string Body, IHeaderDictionary Headers)> RunAsync(string query, Func<ApiQuery, Task<IResult>> handler)
    {
        var context = Context(query);
        // No cachedBy: the response cache is never consulted, so it needs none of its dependencies here.
        var cache = new ResponseCache(null!, null!, TimeProvider.System, Microsoft.Extensions.Options.Options.Create(new ResponseCacheOptions()));
        var result = await new ApiHandler(cache, NullLogger<ApiHandler>.Instance).RunAsync(context.Request, ["date"], handler);
        await result.ExecuteAsync(context);
        return (context.Response.StatusCode, System.Text.Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()), context.Response.Headers);
    }

    [Theory]
    [InlineData("?code=" + Key + "&limit=0")] // a bad parameter beside the key
    [InlineData("?date=yesterday&code=" + Key)]
    [InlineData("?code=" + Key + "&code=" + Key)] // the key itself repeated
    public async Task A_400_to_a_request_carrying_code_does_not_contain_the_key(string query)
    {
        var (status, body, headers) = await RunAsync(query, q =>
        {
            q.Date("date");
            return Task.FromResult<IResult>(ApiResponses.Json(new { }, CachePolicies.None));
        });

        Assert.Equal(400, status);
        Assert.DoesNotContain(Key, body, StringComparison.Ordinal);
        Assert.All(headers, h => Assert.DoesNotContain(Key, h.Value.ToString(), StringComparison.Ordinal));
        Assert.Equal("/api/snapshots/latest/links", JsonDocument.Parse(body).RootElement.GetProperty("instance").GetString());
    }

    [Fact]
    public async Task Errors_of_every_kind_leave_the_key_out()
    {
        foreach (var failure in new Func<Task<IResult>>[]
                 {
                     () => throw ApiException.NotFound("snapshot", "none yet"),
                     () => throw new InvalidOperationException("boom"),
                 })
        {
            var (status, body, _) = await RunAsync("?code=" + Key, _ => failure());
            Assert.True(status is 404 or 500, $"status {status}");
            Assert.DoesNotContain(Key, body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_api_description_asks_for_the_key_in_the_header_and_never_as_a_query_parameter()
    {
        var document = OpenApiDocument.Parse();
        var scheme = document["components"]!["securitySchemes"]!["functionKey"]!;
        Assert.Equal("apiKey", (string)scheme["type"]!);
        Assert.Equal("header", (string)scheme["in"]!);
        Assert.Equal("x-functions-key", (string)scheme["name"]!);

        var parameters = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().SelectMany(op => (op.Value!["parameters"] as JsonArray ?? []).Select(x => (string?)x!["name"])));
        Assert.DoesNotContain("code", parameters);
    }

    [Fact]
    public void No_document_or_script_shows_a_key_in_a_url()
    {
        var root = RepositoryRoot.Find();
        var files = Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md")
            .Append(Path.Combine(root, "README.md"))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "scripts")));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.False(System.Text.RegularExpressions.Regex.IsMatch(text, @"[?&]code=[^\s`'""]"), $"{file} puts a function key in a URL");
        }
    }
}
