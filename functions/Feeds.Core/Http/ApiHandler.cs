namespace Feeds.Core.Http;

/// <summary>
/// Runs a route's handler and turns failures into problem responses: <see cref="ApiException"/> as given,
/// storage that cannot be reached as 503, anything else as a logged 500 that reveals no internals. Every data route
/// is read-only: GET and HEAD are served (HEAD without the body), OPTIONS lists them, any other method is a 405
/// problem with <c>Allow</c>; an action route serves POST the same way; an over-long request target is a 414 problem.
/// A read-only route that names the datasets it reads is answered through the <see cref="ResponseCache"/>; one that
/// names none (operator views) and action routes are rendered every time.
/// </summary>
public sealed class ApiHandler(ResponseCache cache, ILogger<ApiHandler> logger)
{
    public const string AllowedMethods = "GET, HEAD, OPTIONS";

    /// <summary>What an action route (<see cref="RunActionAsync"/>) answers.</summary>
    public const string ActionMethods = "POST, OPTIONS";

    /// <summary>Longest path plus query string answered: generous for every route's parameters.</summary>
    public const int MaxTargetLength = 4096;

    /// <param name="request">The request.</param>
    /// <param name="parameters">The query parameters the route takes (besides format, limit and continuation).</param>
    /// <param name="handler">The route's work, given the validated query.</param>
    /// <param name="cachedBy">The datasets the answer is computed from (<see cref="DataSets"/>); null: never cached.</param>
    public Task<IResult> RunAsync(
        HttpRequest request, string[] parameters, Func<ApiQuery, Task<IResult>> handler, IReadOnlyList<string>? cachedBy = null) =>
        HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            ? ServeAsync(request, parameters, handler, cachedBy)
            : Task.FromResult<IResult>(NotServed(request, AllowedMethods, $"This route is read-only: it answers {AllowedMethods}; {request.Method} is not one of them."));

    /// <summary>
    /// An action route (an operator starting a run): POST is served, OPTIONS lists it, any other method is a 405
    /// problem with <c>Allow</c>, like the read-only routes.
    /// </summary>
    public Task<IResult> RunActionAsync(HttpRequest request, string[] parameters, Func<ApiQuery, Task<IResult>> handler) =>
        HttpMethods.IsPost(request.Method)
            ? ServeAsync(request, parameters, handler, cachedBy: null)
            : Task.FromResult<IResult>(NotServed(request, ActionMethods, $"This route starts something: it answers {ActionMethods}; {request.Method} is not one of them."));

    private static ApiResult NotServed(HttpRequest request, string allowed, string detail) =>
        HttpMethods.IsOptions(request.Method)
            ? new ApiResult(StatusCodes.Status204NoContent, "", ReadOnlyMemory<byte>.Empty) { Allow = allowed, CacheControl = CachePolicies.Reference }
            : ApiResponses.Problem(request, StatusCodes.Status405MethodNotAllowed, "method-not-allowed", "Method not allowed", detail) with { Allow = allowed };

    private async Task<IResult> ServeAsync(
        HttpRequest request, string[] parameters, Func<ApiQuery, Task<IResult>> handler, IReadOnlyList<string>? cachedBy)
    {
        if ((request.Path.Value?.Length ?? 0) + (request.QueryString.Value?.Length ?? 0) > MaxTargetLength)
        {
            return ApiResponses.Problem(request, StatusCodes.Status414UriTooLong, "uri-too-long", "Request target too long",
                $"The path and query string together exceed {MaxTargetLength} characters; no route takes that much.");
        }

        try
        {
            var query = new ApiQuery(request, parameters);
            var result = cachedBy is null
                ? await handler(query).ConfigureAwait(false)
                : await cache.GetOrRenderAsync(query, cachedBy, handler).ConfigureAwait(false);
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
