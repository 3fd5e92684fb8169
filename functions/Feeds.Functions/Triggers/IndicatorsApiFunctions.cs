using Feeds.Core.Http;
using Feeds.Core.Operations;
using Feeds.Core.Catalog;
using Feeds.Core.Trade;
using Feeds.Core.Analysis;
using Feeds.Core.Events;
using Feeds.Core.Indicators;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Feeds.Functions.Triggers;

/// <summary>Indicator, sourcing-screen and policy-event routes: thin triggers over the query services.</summary>
public sealed class IndicatorsApiFunctions(IndicatorsApi indicators, SourcingApi sourcing, EventsApi events)
{
    [Function("ListIndicators")]
    public async Task<IActionResult> ListIndicators(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Indicators)] HttpRequest request,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await indicators.ListAsync(request, cancellationToken));

    [Function("ListSourcing")]
    public async Task<IActionResult> ListSourcing(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Sourcing)] HttpRequest request,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await sourcing.ListAsync(request, cancellationToken));

    [Function("ListEvents")]
    public async Task<IActionResult> ListEvents(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Events)] HttpRequest request,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await events.ListAsync(request, cancellationToken));
}
