using Feeds.Core.Catalog;
using Feeds.Core.Events;
using Feeds.Core.Http;
using Feeds.Core.Indicators;
using Feeds.Core.Operations;
using Feeds.Core.Reserves;
using Feeds.Core.Snapshots;
using Feeds.Core.Trade;

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
        api.MapGet(ApiRoutes.Minerals, (HttpRequest request, MineralsApi minerals, CancellationToken ct) => minerals.ListAsync(request, ct));
        api.MapGet(ApiRoutes.Mineral, (HttpRequest request, string id, MineralsApi minerals, CancellationToken ct) => minerals.GetAsync(request, id, ct));
        api.MapGet(ApiRoutes.Countries, (HttpRequest request, CountriesApi countries, CancellationToken ct) => countries.ListAsync(request, ct));
        api.MapGet(ApiRoutes.Trade, (HttpRequest request, TradeApi trade, CancellationToken ct) => trade.ListAsync(request, ct));
        api.MapGet(ApiRoutes.TradePartners, (HttpRequest request, TradeApi trade, CancellationToken ct) => trade.PartnersAsync(request, ct));
        api.MapGet(ApiRoutes.TradeReconciliation, (HttpRequest request, TradeApi trade, CancellationToken ct) => trade.ReconciliationAsync(request, ct));
        api.MapGet(ApiRoutes.Reserves, (HttpRequest request, ReservesApi reserves, CancellationToken ct) => reserves.ListAsync(request, ct));
        api.MapGet(ApiRoutes.ReservesSeries, (HttpRequest request, ReservesApi reserves, CancellationToken ct) => reserves.SeriesAsync(request, ct));
        api.MapGet(ApiRoutes.Salient, (HttpRequest request, SalientApi salient, CancellationToken ct) => salient.ListAsync(request, ct));
        api.MapGet(ApiRoutes.Indicators, (HttpRequest request, IndicatorsApi indicators, CancellationToken ct) => indicators.ListAsync(request, ct));
        api.MapGet(ApiRoutes.Sourcing, (HttpRequest request, SourcingApi sourcing, CancellationToken ct) => sourcing.ListAsync(request, ct));
        api.MapGet(ApiRoutes.Events, (HttpRequest request, EventsApi events, CancellationToken ct) => events.ListAsync(request, ct));
        api.MapGet(ApiRoutes.EventImpact, (HttpRequest request, string id, EventImpactApi impact, CancellationToken ct) => impact.GetAsync(request, id, ct));
        api.MapGet(ApiRoutes.Snapshots, (HttpRequest request, SnapshotsApi snapshots, CancellationToken ct) => snapshots.ListAsync(request, ct));
        api.MapGet(ApiRoutes.SnapshotsLatest, (HttpRequest request, SnapshotsApi snapshots, CancellationToken ct) => snapshots.LatestAsync(request, ct));
        // The Functions app puts this route behind a function key; the local host serves loopback only.
        api.MapGet(ApiRoutes.SnapshotsLatestLinks, (HttpRequest request, SnapshotsApi snapshots, CancellationToken ct) => snapshots.LinksAsync(request, ct));
        api.MapGet(ApiRoutes.Feeds, (HttpRequest request, FeedRunsApi feeds, CancellationToken ct) => feeds.ListAsync(request, ct));
        // The Functions app puts this route behind a function key; the local host serves loopback only.
        api.MapGet(ApiRoutes.FeedQuarantine, (HttpRequest request, string feed, FeedRunsApi feeds, CancellationToken ct) => feeds.QuarantineAsync(request, feed, ct));
        // The Functions app puts these routes behind a function key; the local host serves loopback only.
        api.MapPost(ApiRoutes.FeedRuns, (HttpRequest request, string feed, FeedRunsApi feeds, CancellationToken ct) => feeds.StartAsync(request, feed, ct));
        api.MapGet(ApiRoutes.FeedRun, (HttpRequest request, string feed, string runId, FeedRunsApi feeds, CancellationToken ct) => feeds.GetRunAsync(request, feed, runId, ct));
        api.MapGet(ApiRoutes.Health, (HttpRequest request, HealthApi health, CancellationToken ct) => health.GetAsync(request, ct));
        api.MapGet(ApiRoutes.OpenApi, (HttpRequest request, OpenApiDocument openApi) => openApi.GetAsync(request));
        return app;
    }
}
