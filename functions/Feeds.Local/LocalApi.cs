namespace Feeds.Local;

/// <summary>
/// The local host's <c>/api</c> routes: the same templates and the same handlers as the Functions app's triggers
/// (a test keeps the two route sets identical).
/// </summary>
public static class LocalApi
{
    public static IEndpointRouteBuilder MapFeedsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/" + ApiRoutes.Prefix);
        api.MapRead(ApiRoutes.Minerals, (HttpRequest request, MineralsApi minerals, CancellationToken ct) => minerals.ListAsync(request, ct));
        api.MapRead(ApiRoutes.Mineral, (HttpRequest request, string id, MineralsApi minerals, CancellationToken ct) => minerals.GetAsync(request, id, ct));
        api.MapRead(ApiRoutes.Countries, (HttpRequest request, CountriesApi countries, CancellationToken ct) => countries.ListAsync(request, ct));
        api.MapRead(ApiRoutes.Trade, (HttpRequest request, TradeApi trade, CancellationToken ct) => trade.ListAsync(request, ct));
        api.MapRead(ApiRoutes.TradePartners, (HttpRequest request, TradeApi trade, CancellationToken ct) => trade.PartnersAsync(request, ct));
        api.MapRead(ApiRoutes.TradeReconciliation, (HttpRequest request, TradeApi trade, CancellationToken ct) => trade.ReconciliationAsync(request, ct));
        api.MapRead(ApiRoutes.TradeCoverage, (HttpRequest request, TradeCoverageApi coverage, CancellationToken ct) => coverage.GetAsync(request, ct));
        api.MapRead(ApiRoutes.Reserves, (HttpRequest request, ReservesApi reserves, CancellationToken ct) => reserves.ListAsync(request, ct));
        api.MapRead(ApiRoutes.ReservesSeries, (HttpRequest request, ReservesApi reserves, CancellationToken ct) => reserves.SeriesAsync(request, ct));
        api.MapRead(ApiRoutes.Salient, (HttpRequest request, SalientApi salient, CancellationToken ct) => salient.ListAsync(request, ct));
        api.MapRead(ApiRoutes.Indicators, (HttpRequest request, IndicatorsApi indicators, CancellationToken ct) => indicators.ListAsync(request, ct));
        api.MapRead(ApiRoutes.Sourcing, (HttpRequest request, SourcingApi sourcing, CancellationToken ct) => sourcing.ListAsync(request, ct));
        api.MapRead(ApiRoutes.Events, (HttpRequest request, EventsApi events, CancellationToken ct) => events.ListAsync(request, ct));
        api.MapRead(ApiRoutes.EventImpact, (HttpRequest request, string id, EventImpactApi impact, CancellationToken ct) => impact.GetAsync(request, id, ct));
        api.MapRead(ApiRoutes.Snapshots, (HttpRequest request, SnapshotsApi snapshots, CancellationToken ct) => snapshots.ListAsync(request, ct));
        api.MapRead(ApiRoutes.SnapshotsLatest, (HttpRequest request, SnapshotsApi snapshots, CancellationToken ct) => snapshots.LatestAsync(request, ct));
        // The Functions app puts this route behind a function key; the local host serves loopback only.
        api.MapRead(ApiRoutes.SnapshotsLatestLinks, (HttpRequest request, SnapshotsApi snapshots, CancellationToken ct) => snapshots.LinksAsync(request, ct));
        api.MapRead(ApiRoutes.Feeds, (HttpRequest request, FeedRunsApi feeds, CancellationToken ct) => feeds.ListAsync(request, ct));
        // The Functions app puts this route behind a function key; the local host serves loopback only.
        api.MapRead(ApiRoutes.FeedQuarantine, (HttpRequest request, string feed, FeedRunsApi feeds, CancellationToken ct) => feeds.QuarantineAsync(request, feed, ct));
        // The Functions app puts these routes behind a function key; the local host serves loopback only. Starting a
        // run is an action route: every method reaches the handler, which serves POST.
        api.MapAction(ApiRoutes.FeedRuns, (HttpRequest request, string feed, FeedRunsApi feeds, CancellationToken ct) => feeds.StartAsync(request, feed, ct));
        api.MapRead(ApiRoutes.FeedRun, (HttpRequest request, string feed, string runId, FeedRunsApi feeds, CancellationToken ct) => feeds.GetRunAsync(request, feed, runId, ct));
        api.MapRead(ApiRoutes.Health, (HttpRequest request, HealthApi health, CancellationToken ct) => health.GetAsync(request, ct));
        api.MapRead(ApiRoutes.OpenApi, (HttpRequest request, OpenApiDocument openApi) => openApi.GetAsync(request));
        return app;
    }

    /// <summary>
    /// A read-only route: every method reaches the shared handler, which serves GET and HEAD, answers OPTIONS and
    /// turns the rest into a 405 problem with Allow (as the Functions triggers do, which take every method).
    /// </summary>
    private static RouteHandlerBuilder MapRead(this IEndpointRouteBuilder group, string pattern, Delegate handler) =>
        group.MapMethods(pattern, AllMethods, handler);

    /// <summary>An action route: every method reaches the shared handler, which serves POST, answers OPTIONS and 405s the rest.</summary>
    private static RouteHandlerBuilder MapAction(this IEndpointRouteBuilder group, string pattern, Delegate handler) =>
        group.MapMethods(pattern, AllMethods, handler);

    private static readonly string[] AllMethods = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"];
}
