using System.Text;
using System.Text.Json;
using Feeds.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Feeds.Tests.Unit;

/// <summary>Query validation, content negotiation, ETag/304 and paging, on plain ASP.NET Core request objects.</summary>
public sealed class ApiConventionsTests
{
    private static HttpRequest Request(string query, string? accept = null, string? ifNoneMatch = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("127.0.0.1:7071");
        context.Request.Path = "/api/things";
        context.Request.QueryString = new QueryString(query);
        if (accept is not null)
        {
            context.Request.Headers.Accept = accept;
        }

        if (ifNoneMatch is not null)
        {
            context.Request.Headers.IfNoneMatch = ifNoneMatch;
        }

        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    [Theory]
    [InlineData("?list=IN2023", "list")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=1001", "limit")]
    [InlineData("?limit=abc", "limit")]
    [InlineData("?limit=-5", "limit")]
    [InlineData("?format=xml", "format")]
    [InlineData("?lists=A&lists=B", "lists")]
    public void Bad_parameters_are_named(string query, string parameter)
    {
        var error = Assert.Throws<ApiException>(() =>
        {
            _ = new ApiQuery(Request(query), "lists");
        });
        Assert.Equal(400, error.Status);
        Assert.Equal(parameter, error.Parameter);
    }

    [Fact]
    public void Over_long_values_are_rejected() =>
        Assert.Equal("lists", Assert.Throws<ApiException>(() => new ApiQuery(Request("?lists=" + new string('A', 500)), "lists")).Parameter);

    [Fact]
    public void Function_key_and_cache_busters_are_allowed()
    {
        var query = new ApiQuery(Request("?code=secret&_=123&limit=5"), "lists");
        Assert.Equal(5, query.Limit);
    }

    [Theory]
    [InlineData("", null, ResponseFormat.Json)]
    [InlineData("?format=csv", null, ResponseFormat.Csv)]
    [InlineData("?format=CSV", null, ResponseFormat.Csv)]
    [InlineData("", "text/csv", ResponseFormat.Csv)]
    [InlineData("", "application/json, text/csv", ResponseFormat.Json)]
    [InlineData("?format=json", "text/csv", ResponseFormat.Json)]
    public void Format_from_parameter_or_accept(string query, string? accept, ResponseFormat expected) =>
        Assert.Equal(expected, new ApiQuery(Request(query, accept)).Format);

    [Fact]
    public async Task Matching_if_none_match_answers_304_without_a_body()
    {
        var first = ApiResponses.Json(new { a = 1 }, CachePolicies.Reference);
        var request = Request("", ifNoneMatch: "W/" + first.ETag);

        await first.ExecuteAsync(request.HttpContext);

        Assert.Equal(304, request.HttpContext.Response.StatusCode);
        Assert.Equal(0, request.HttpContext.Response.Body.Length);
        Assert.Equal(first.ETag, request.HttpContext.Response.Headers.ETag.ToString());
    }

    [Fact]
    public async Task Different_etag_answers_200_with_cache_headers()
    {
        var result = ApiResponses.Json(new { a = 1 }, CachePolicies.Reference);
        var request = Request("", ifNoneMatch: "\"something-else\"");

        await result.ExecuteAsync(request.HttpContext);

        Assert.Equal(200, request.HttpContext.Response.StatusCode);
        Assert.Equal(CachePolicies.Reference, request.HttpContext.Response.Headers.CacheControl.ToString());
        Assert.True(request.HttpContext.Response.Body.Length > 0);
    }

    [Fact]
    public void Etag_changes_with_the_bytes()
    {
        var a = ApiResponses.Json(new { a = 1 }, CachePolicies.Reference).ETag;
        var b = ApiResponses.Json(new { a = 2 }, CachePolicies.Reference).ETag;
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Paging_walks_every_item_once_and_links_the_next_page()
    {
        var items = Enumerable.Range(1, 25).ToList();
        var csv = new CsvTable<int>(["n"], i => [i.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        var seen = new List<int>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var request = Request("?limit=10&code=key" + (continuation is null ? "" : "&continuation=" + continuation));
            var result = ApiResponses.List(new ApiQuery(request), items, new Dictionary<string, object?>(), csv, CachePolicies.Data, "n");
            using var body = JsonDocument.Parse(result.Body);
            seen.AddRange(body.RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetInt32()));
            Assert.Equal(25, body.RootElement.GetProperty("count").GetInt32());
            continuation = body.RootElement.TryGetProperty("continuation", out var next) ? next.GetString() : null;
            Assert.Equal(continuation is not null, result.Link is not null);
            if (result.Link is not null)
            {
                Assert.Contains("rel=\"next\"", result.Link);
                Assert.Contains("continuation=" + continuation, result.Link);
                Assert.DoesNotContain("code=", result.Link);
                Assert.StartsWith("</api/things?", result.Link, StringComparison.Ordinal);
            }

            pages++;
        }
        while (continuation is not null);

        Assert.Equal(3, pages);
        Assert.Equal(items, seen);
    }

    [Theory]
    [InlineData("garbage!")]
    [InlineData("bzE6OTk5")] // "o1:999", beyond the end
    public void Foreign_continuation_is_a_400(string token)
    {
        var csv = new CsvTable<int>(["n"], i => [i.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        var error = Assert.Throws<ApiException>(() =>
            ApiResponses.List(new ApiQuery(Request("?continuation=" + token)), [1, 2, 3], new Dictionary<string, object?>(), csv, CachePolicies.Data, "n"));
        Assert.Equal("continuation", error.Parameter);
    }

    [Fact]
    public void Csv_is_rfc4180_with_a_header_row()
    {
        var bytes = ApiResponses.RenderCsv(["a", "b"], [["x,y", "say \"hi\""], [null, "2"]]);
        Assert.Equal("a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n,2\r\n", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task Problem_is_rfc9457_json_naming_the_parameter()
    {
        var request = Request("?lists=XX");
        var problem = ApiResponses.Problem(request, ApiException.BadParameter("lists", "unknown list"));

        await problem.ExecuteAsync(request.HttpContext);

        Assert.Equal(400, request.HttpContext.Response.StatusCode);
        Assert.StartsWith("application/problem+json", request.HttpContext.Response.ContentType);
        using var body = JsonDocument.Parse(((MemoryStream)request.HttpContext.Response.Body).ToArray());
        Assert.Equal("lists", body.RootElement.GetProperty("parameter").GetString());
        Assert.Equal(400, body.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("/api/things", body.RootElement.GetProperty("instance").GetString());
    }

    [Fact]
    public void Weak_and_list_if_none_match_forms_match() =>
        Assert.True(ApiResult.IfNoneMatchMatches(Request("", ifNoneMatch: "\"a\", W/\"b\""), "\"b\""));

    [Fact]
    public void No_if_none_match_never_matches() =>
        Assert.False(ApiResult.IfNoneMatchMatches(Request(""), "\"b\""));

    [Fact]
    public void Star_matches_any() =>
        Assert.True(ApiResult.IfNoneMatchMatches(Request("", ifNoneMatch: new StringValues("*")), "\"b\""));
}
