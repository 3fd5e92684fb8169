using Feeds.Core.Events;
using Feeds.Core.Http;
using Feeds.Core.Indicators;
using Feeds.Core.Reserves;
using Feeds.Core.Trade;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Feeds.Functions.Triggers;

/// <summary>The data routes of the trade, reserves (and salient), indicators and events slices (anonymous: the data is public).</summary>
public sealed class DataTriggers(TradeApi trade, TradeCoverageApi coverage, ReservesApi reserves, SalientApi salient, IndicatorsApi indicators, SourcingApi sourcing, EventsApi events, EventImpactApi impact)
{
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
}
