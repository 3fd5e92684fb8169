using System.Reflection;
using Feeds.Core.Http;
using Feeds.Core.Operations;
using Feeds.Functions.Triggers;
using Feeds.Local;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;

namespace Feeds.Tests.Unit;

/// <summary>The Functions app and the local host serve exactly the same /api routes, and the OpenAPI document lists them.</summary>
public sealed class RouteParityTests
{
    /// <summary>
    /// The methods a trigger declared without any takes: all of them (the shared handler serves GET and HEAD, answers
    /// OPTIONS and turns the rest into a 405), as the local host maps its read routes.
    /// </summary>
    private static readonly string[] EveryMethod = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"];

    /// <summary>(METHOD, /api/template) for every HTTP trigger the Functions app declares.</summary>
    public static IReadOnlySet<string> FunctionRoutes(Assembly assembly) =>
        assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>())
            .OfType<HttpTriggerAttribute>()
            .SelectMany(t => (t.Methods ?? EveryMethod).Select(method => $"{method.ToUpperInvariant()} /{ApiRoutes.Prefix}/{t.Route}"))
            .ToHashSet();

    /// <summary>(METHOD, /api/template) for every endpoint the local host maps under /api.</summary>
    public static IReadOnlySet<string> LocalRoutes(Action<Microsoft.AspNetCore.Builder.WebApplication>? extra = null)
    {
        var app = LocalHost.Build(["--urls", "http://127.0.0.1:0"]);
        extra?.Invoke(app);
        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>();
        return endpoints
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith(ApiRoutes.Prefix + "/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => $"{method} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .ToHashSet();
    }

    [Fact]
    public void Local_host_and_functions_app_serve_the_same_routes()
    {
        var functions = FunctionRoutes(typeof(ApiTriggers).Assembly);
        var local = LocalRoutes();

        Assert.NotEmpty(functions);
        Assert.True(functions.SetEquals(local),
            $"Only in Functions: {string.Join(", ", functions.Except(local))}; only in the local host: {string.Join(", ", local.Except(functions))}");
    }

    [Fact]
    public void The_parity_check_sees_a_route_the_local_host_adds()
    {
        // The local route set is read from the running app's endpoints: one mapped beside the API must show up in it,
        // and then the two hosts differ.
        var functions = FunctionRoutes(typeof(ApiTriggers).Assembly);
        var local = LocalRoutes(app => app.MapGet("/api/extra", () => "x"));

        Assert.Contains("GET /api/extra", local);
        Assert.False(functions.SetEquals(local));
    }

    [Fact]
    public void Only_routes_that_grant_something_need_a_function_key()
    {
        // docs/api.md: data is public (anonymous); raw rejected records, runs (they cost source calls) and download links are not.
        var levels = typeof(ApiTriggers).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>())
            .OfType<HttpTriggerAttribute>()
            .ToDictionary(t => t.Route!, t => t.AuthLevel);

        string[] keyed = [ApiRoutes.FeedQuarantine, ApiRoutes.SnapshotsLatestLinks, ApiRoutes.FeedRuns, ApiRoutes.FeedRun];
        Assert.All(keyed, route => Assert.Equal(AuthorizationLevel.Function, levels[route]));
        Assert.All(levels.Where(l => !keyed.Contains(l.Key)),
            l => Assert.True(l.Value == AuthorizationLevel.Anonymous, $"{l.Key} is {l.Value}"));
    }

    [Fact]
    public void Functions_metadata_lists_every_function()
    {
        // The Worker SDK writes functions.metadata at build (and publish); the Functions host indexes only what it lists.
        var path = Path.Combine(Feeds.Local.RepositoryRoot.Find(), "functions", "Feeds.Functions", "bin");
        var metadata = Directory.EnumerateFiles(path, "functions.metadata", SearchOption.AllDirectories)
            .OrderByDescending(File.GetLastWriteTimeUtc).First();
        var listed = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(metadata))!.AsArray().Select(f => (string)f!["name"]!).ToHashSet();
        var declared = typeof(ApiTriggers).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Select(m => m.GetCustomAttribute<FunctionAttribute>()?.Name)
            .OfType<string>()
            .ToHashSet();

        Assert.True(declared.SetEquals(listed), $"declared: {string.Join(", ", declared.Order())}; listed: {string.Join(", ", listed.Order())}");
    }

    [Fact]
    public void OpenApi_document_lists_every_route_and_no_other()
    {
        var documented = OpenApiDocument.Parse()["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(op => $"{op.Key.ToUpperInvariant()} /{ApiRoutes.Prefix}{p.Key}"))
            .ToHashSet();
        // The document describes each read route's GET and the action route's POST (starting a run); HEAD, OPTIONS and
        // the 405s are the same for every route (docs/api.md).
        var action = $"/{ApiRoutes.Prefix}/{ApiRoutes.FeedRuns}";
        var served = FunctionRoutes(typeof(ApiTriggers).Assembly)
            .Where(r => r == $"POST {action}" || (r.StartsWith("GET ", StringComparison.Ordinal) && r != $"GET {action}")).ToHashSet();

        Assert.True(documented.SetEquals(served),
            $"Only documented: {string.Join(", ", documented.Except(served))}; only served: {string.Join(", ", served.Except(documented))}");
    }
}
