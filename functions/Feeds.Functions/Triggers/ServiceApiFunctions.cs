using Feeds.Core.Http;
using Feeds.Core.Operations;
using Feeds.Core.Catalog;
using Feeds.Core.Trade;
using Feeds.Core.Analysis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Feeds.Functions.Triggers;

/// <summary>Service routes: health (anonymous, for uptime checks), the operator feed views and the OpenAPI document.</summary>
public sealed class ServiceApiFunctions(HealthApi health, FeedsApi feeds, OpenApiDocument openApi)
{
    [Function("ListFeeds")]
    public async Task<IActionResult> ListFeeds(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Feeds)] HttpRequest request,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await feeds.ListAsync(request, cancellationToken));

    /// <summary>Raw rejected source records are for operators: a function key is required.</summary>
    [Function("FeedQuarantine")]
    public async Task<IActionResult> FeedQuarantine(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.FeedQuarantine)] HttpRequest request,
        string feed,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await feeds.QuarantineAsync(request, feed, cancellationToken));

    [Function("Health")]
    public async Task<IActionResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Health)] HttpRequest request,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await health.GetAsync(request, cancellationToken));

    [Function("OpenApi")]
    public async Task<IActionResult> OpenApi(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.OpenApi)] HttpRequest request) =>
        new ResultActionResult(await openApi.GetAsync(request));
}
