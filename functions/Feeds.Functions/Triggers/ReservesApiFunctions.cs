using Feeds.Core.Http;
using Feeds.Core.Operations;
using Feeds.Core.Catalog;
using Feeds.Core.Trade;
using Feeds.Core.Analysis;
using Feeds.Core.Reserves;
using Feeds.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Feeds.Functions.Triggers;

/// <summary>USGS reserves and production route: a thin trigger over <see cref="ReservesApi"/>.</summary>
public sealed class ReservesApiFunctions(ReservesApi reserves)
{
    [Function("ListReserves")]
    public async Task<IActionResult> ListReserves(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Reserves)] HttpRequest request,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await reserves.ListAsync(request, cancellationToken));
}
