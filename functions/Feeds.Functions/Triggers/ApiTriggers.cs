using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Feeds.Functions.Triggers;

/// <summary>
/// The Functions app's HTTP routes, one trigger each, the same table as the local host's (LocalApi; a test keeps the
/// two identical): each hands the request to the query service both hosts share. The data routes and health are
/// anonymous (the data is public); routes that expose raw source records, start or report runs, or grant read links
/// need a function key.
/// </summary>
public sealed class ApiTriggers(
    MineralsApi minerals,
    CountriesApi countries,
    TradeApi trade,
    TradeCoverageApi coverage,
    ReservesApi reserves,
    SalientApi salient,
    IndicatorsApi indicators,
    SourcingApi sourcing,
    EventsApi events,
    EventImpactApi impact,
    HealthApi health,
    FeedRunsApi runs,
    SnapshotsApi snapshots,
    OpenApiDocument openApi)
{
    [Function("ListMinerals")]
    public Task<IResult> ListMinerals([HttpTrigger(AuthorizationLevel.Anonymous, Route = ApiRoutes.Minerals)] HttpRequest request, CancellationToken cancellationToken) =>
        minerals.ListAsync(request, cancellationToken);

    [Function("GetMineral")]
    public Task<IResult> GetMineral([HttpTrigger(AuthorizationLevel.Anonymous, Route = ApiRoutes.Mineral)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        minerals.GetAsync(request, id, cancellationToken);

    [Function("ListCountries")]
    public Task<IResult> ListCountries([HttpTrigger(AuthorizationLevel.Anonymous, Route = ApiRoutes.Countries)] HttpRequest request, CancellationToken cancellationToken) =>
        countries.ListAsync(request, cancellationToken);

    [Function("ListTrade")]
    public Task<IResult> ListTrade([HttpTrigger(AuthorizationLevel.Anonymous, Route = ApiRoutes.Trade)] HttpRequest request, CancellationToken cancellationToken) =>
        trade.ListAsync(request, cancellationToken);

    [Function("TradePartners")]
    public Task<IResult> TradePartners([HttpTrigger(AuthorizationLevel.Anonymous, Route = ApiRoutes.TradePartners)] HttpRequest request, CancellationToken cancellationToken) =>
        trade.PartnersAsync(request, cancellationToken);

    [Function("TradeReconciliation")]
    public Task<IResult> TradeReconciliation([HttpTrigger(AuthorizationLevel.Anonymous, Route = ApiRoutes.TradeReconciliation)] HttpRequest request, CancellationToken cancellationToken) =>
        trade.ReconciliationAsync(request, cancellationToken);

    [Function("TradeCoverage")]
    public Task<IResult> TradeCoverage([HttpTrigger(AuthorizationLevel.Anonymous, Route = ApiRoutes.TradeCoverage)] HttpRequest request, CancellationToken cancellationToken) =>
        coverage.GetAsync(request, cancellationToken);

    [Function("ListReserves")]
    public Task<IResult> ListReserves([HttpTrigger(AuthorizationLevel.Anonymous, Route = ApiRoutes.Reserves)] HttpRequest request, CancellationToken cancellationToken) =>
        reserves.ListAsync(request, cancellationToken);

    [Function("ReservesSeries")]
    public Task<IResult> ReservesSeries([HttpTrigger(AuthorizationLevel.Anonymous, Route = ApiRoutes.ReservesSeries)] HttpRequest request, CancellationToken cancellationToken) =>
        reserves.SeriesAsync(request, cancellationToken);

    [Function("ListSalient")]
    public Task<IResult> ListSalient([HttpTrigger(AuthorizationLevel.Anonymous, Route = ApiRoutes.Salient)] HttpRequest request, CancellationToken cancellationToken) =>
        salient.ListAsync(request, cancellationToken);

    [Function("ListIndicators")]
    public Task<IResult> ListIndicators([HttpTrigger(AuthorizationLevel.Anonymous, Route = ApiRoutes.Indicators)] HttpRequest request, CancellationToken cancellationToken) =>
        indicators.ListAsync(request, cancellationToken);

    [Function("ListSourcing")]
    public Task<IResult> ListSourcing([HttpTrigger(AuthorizationLevel.Anonymous, Route = ApiRoutes.Sourcing)] HttpRequest request, CancellationToken cancellationToken) =>
        sourcing.ListAsync(request, cancellationToken);

    [Function("ListEvents")]
    public Task<IResult> ListEvents([HttpTrigger(AuthorizationLevel.Anonymous, Route = ApiRoutes.Events)] HttpRequest request, CancellationToken cancellationToken) =>
        events.ListAsync(request, cancellationToken);

    [Function("EventImpact")]
    public Task<IResult> EventImpact([HttpTrigger(AuthorizationLevel.Anonymous, Route = ApiRoutes.EventImpact)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        impact.GetAsync(request, id, cancellationToken);

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
