using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Feeds.Core.Http;

/// <summary>
/// The in-app rate limit (<see cref="RateLimitOptions"/>): a token bucket per client on the anonymous routes that
/// read storage (<see cref="ApiRoutes.ReadStorage"/>); other routes are not limited. A rejected request costs no storage
/// call and gets a 429 problem with Retry-After.
/// </summary>
public static class ApiRateLimiter
{
    public static PartitionedRateLimiter<HttpContext> Create(RateLimitOptions options) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            options.PermitsPerMinute == 0 || !ApiRoutes.IsReadStorage(context.Request.Path)
                ? RateLimitPartition.GetNoLimiter("")
                : RateLimitPartition.GetTokenBucketLimiter(ClientAddress.Of(context, options.FrontDoorId), _ => Bucket(options.PermitsPerMinute)));

    /// <summary>A minute's permits at once at most, refilled evenly: one token each 60/N seconds, or N/60 a second.</summary>
    public static TokenBucketRateLimiterOptions Bucket(int permitsPerMinute) => new()
    {
        TokenLimit = permitsPerMinute,
        TokensPerPeriod = Math.Max(1, permitsPerMinute / 60),
        ReplenishmentPeriod = permitsPerMinute >= 60 ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(60.0 / permitsPerMinute),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    public static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        var limit = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.PermitsPerMinute;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiResponses.Problem(context.Request, StatusCodes.Status429TooManyRequests, "rate-limited", "Too many requests",
                $"More than {limit} requests a minute from this client to the data routes; try again in {seconds} s.")
            .ExecuteAsync(context).ConfigureAwait(false);
    }
}
