using Feeds.Core.Http;
using Feeds.Core.Operations;
using Feeds.Core.Catalog;
using Feeds.Core.Trade;
using Feeds.Core.Analysis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Feeds.Functions.Triggers;

/// <summary>Trade routes: thin triggers over <see cref="TradeApi"/>.</summary>
public sealed class TradeApiFunctions(TradeApi trade)
{
    [Function("ListTrade")]
    public async Task<IActionResult> ListTrade(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Trade)] HttpRequest request,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await trade.ListAsync(request, cancellationToken));

    [Function("TradePartners")]
    public async Task<IActionResult> TradePartners(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.TradePartners)] HttpRequest request,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await trade.PartnersAsync(request, cancellationToken));
}
