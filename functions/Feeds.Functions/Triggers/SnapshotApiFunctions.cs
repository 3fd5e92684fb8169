using Feeds.Core.Http;
using Feeds.Core.Operations;
using Feeds.Core.Catalog;
using Feeds.Core.Trade;
using Feeds.Core.Analysis;
using Feeds.Core.Snapshots;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Feeds.Functions.Triggers;

/// <summary>Partner snapshot routes: the list and the latest manifest for everyone; signed links behind a function key.</summary>
public sealed class SnapshotApiFunctions(SnapshotsApi snapshots)
{
    [Function("ListSnapshots")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Snapshots)] HttpRequest request,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await snapshots.ListAsync(request, cancellationToken));

    [Function("LatestSnapshot")]
    public async Task<IActionResult> Latest(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.SnapshotsLatest)] HttpRequest request,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await snapshots.LatestAsync(request, cancellationToken));

    /// <summary>Signed read links are credentials: a partner's function key guards them.</summary>
    [Function("LatestSnapshotLinks")]
    public async Task<IActionResult> Links(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.SnapshotsLatestLinks)] HttpRequest request,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await snapshots.LinksAsync(request, cancellationToken));
}
