using Feeds.Core.Http;
using Feeds.Core.Operations;
using Feeds.Core.Snapshots;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Feeds.Functions.Triggers;

/// <summary>
/// Health (anonymous, for uptime checks), the operator views of feed runs, the partner snapshot routes and the OpenAPI
/// document. Routes that expose raw source records, start or report runs, or grant read links need a function key.
/// </summary>
public sealed class OperationsTriggers(HealthApi health, FeedRunsApi runs, SnapshotsApi snapshots, OpenApiDocument openApi)
{
    [Function("Health")]
    public Task<IResult> Health([HttpTrigger(AuthorizationLevel.Anonymous, Route = ApiRoutes.Health)] HttpRequest request, CancellationToken cancellationToken) =>
        health.GetAsync(request, cancellationToken);

    [Function("ListFeeds")]
    public Task<IResult> ListFeeds([HttpTrigger(AuthorizationLevel.Anonymous, Route = ApiRoutes.Feeds)] HttpRequest request, CancellationToken cancellationToken) =>
        runs.ListAsync(request, cancellationToken);

    [Function("FeedQuarantine")]
    public Task<IResult> FeedQuarantine([HttpTrigger(AuthorizationLevel.Function, Route = ApiRoutes.FeedQuarantine)] HttpRequest request, string feed, CancellationToken cancellationToken) =>
        runs.QuarantineAsync(request, feed, cancellationToken);

    [Function("StartFeedRun")]
    public Task<IResult> StartFeedRun([HttpTrigger(AuthorizationLevel.Function, Route = ApiRoutes.FeedRuns)] HttpRequest request, string feed, CancellationToken cancellationToken) =>
        runs.StartAsync(request, feed, cancellationToken);

    [Function("GetFeedRun")]
    public Task<IResult> GetFeedRun([HttpTrigger(AuthorizationLevel.Function, Route = ApiRoutes.FeedRun)] HttpRequest request, string feed, string runId, CancellationToken cancellationToken) =>
        runs.GetRunAsync(request, feed, runId, cancellationToken);

    [Function("ListSnapshots")]
    public Task<IResult> ListSnapshots([HttpTrigger(AuthorizationLevel.Anonymous, Route = ApiRoutes.Snapshots)] HttpRequest request, CancellationToken cancellationToken) =>
        snapshots.ListAsync(request, cancellationToken);

    [Function("LatestSnapshot")]
    public Task<IResult> LatestSnapshot([HttpTrigger(AuthorizationLevel.Anonymous, Route = ApiRoutes.SnapshotsLatest)] HttpRequest request, CancellationToken cancellationToken) =>
        snapshots.LatestAsync(request, cancellationToken);

    [Function("LatestSnapshotLinks")]
    public Task<IResult> LatestSnapshotLinks([HttpTrigger(AuthorizationLevel.Function, Route = ApiRoutes.SnapshotsLatestLinks)] HttpRequest request, CancellationToken cancellationToken) =>
        snapshots.LinksAsync(request, cancellationToken);

    [Function("OpenApi")]
    public Task<IResult> OpenApi([HttpTrigger(AuthorizationLevel.Anonymous, Route = ApiRoutes.OpenApi)] HttpRequest request) =>
        openApi.GetAsync(request);
}
