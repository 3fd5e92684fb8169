using Feeds.Core.Http;
using Feeds.Core.Operations;
using Feeds.Core.Catalog;
using Feeds.Core.Trade;
using Feeds.Core.Analysis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Feeds.Functions.Triggers;

/// <summary>Catalog routes: thin triggers over the shared API services.</summary>
public sealed class CatalogApiFunctions(MineralsApi minerals, CountriesApi countries)
{
    [Function("ListMinerals")]
    public async Task<IActionResult> ListMinerals(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Minerals)] HttpRequest request,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await minerals.ListAsync(request, cancellationToken));

    [Function("GetMineral")]
    public async Task<IActionResult> GetMineral(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Mineral)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await minerals.GetAsync(request, id, cancellationToken));

    [Function("ListCountries")]
    public async Task<IActionResult> ListCountries(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Countries)] HttpRequest request,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await countries.ListAsync(request, cancellationToken));
}
