using Feeds.Core.Storage;

namespace Feeds.Core.Http;

/// <summary>
/// Runs a route's handler and turns failures into problem responses: <see cref="ApiException"/> as given,
/// storage that cannot be reached as 503, anything else as a logged 500 that reveals no internals.
/// </summary>
public sealed class ApiHandler(ILogger<ApiHandler> logger)
{
    /// <param name="request">The request.</param>
    /// <param name="parameters">The query parameters the route takes (besides format, limit and continuation).</param>
    /// <param name="handler">The route's work, given the validated query.</param>
    public async Task<IResult> RunAsync(HttpRequest request, string[] parameters, Func<ApiQuery, Task<IResult>> handler)
    {
        try
        {
            var query = new ApiQuery(request, parameters);
            var result = await handler(query).ConfigureAwait(false);
            // A shared cache (Front Door) keys on the parameters by their documented names; an answer to other
            // spellings (Mineral=…) must not be stored under a key that leaves them out.
            return !query.DocumentedNames && result is ApiResult { CacheControl: { } policy } answer && policy.StartsWith("public", StringComparison.Ordinal)
                ? answer with { CacheControl = CachePolicies.None }
                : result;
        }
        catch (ApiException problem)
        {
            return ApiResponses.Problem(request, problem);
        }
        catch (Exception ex) when (FeedTables.IsTableNotFound(ex))
        {
            return ApiResponses.Problem(request, StatusCodes.Status503ServiceUnavailable, "not-loaded",
                "Data not loaded yet", "No feed has stored this data yet; run the feeds (the local host's up) or wait for their timers.");
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex))
        {
            logger.LogError(ex, "Storage unavailable while serving {Path}", request.Path.Value);
            return ApiResponses.Problem(request, StatusCodes.Status503ServiceUnavailable, "storage-unavailable",
                "Storage unavailable", "The data store could not be reached; try again shortly.");
        }
        catch (OperationCanceledException) when (request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
            return Results.Empty;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Unhandled error serving {Path}", request.Path.Value);
            return ApiResponses.Problem(request, StatusCodes.Status500InternalServerError, "internal-error",
                "Internal error", "The server failed to answer this request; the error was logged.");
        }
    }
}
