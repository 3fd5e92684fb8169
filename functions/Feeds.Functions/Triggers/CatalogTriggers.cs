using Feeds.Core.Catalog;
using Feeds.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Feeds.Functions.Triggers;

/// <summary>The catalog's routes. Each trigger hands the request to the query service both hosts share.</summary>
public sealed class CatalogTriggers(MineralsApi minerals, CountriesApi countries)
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
}
