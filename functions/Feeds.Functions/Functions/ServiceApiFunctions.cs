using Feeds.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Feeds.Functions.Functions;

/// <summary>Service routes: health (anonymous, for uptime checks) and the OpenAPI document.</summary>
public sealed class ServiceApiFunctions(HealthApi health, OpenApiDocument openApi)
{
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
