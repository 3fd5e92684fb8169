using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.RateLimiting;

namespace Feeds.Core.Http;

/// <summary>
/// What every HTTP request meets before its route, in both hosts: the security headers and the in-app rate limiter.
/// Registered as a startup filter, so the Functions worker (whose pipeline the ASP.NET Core integration builds) and the
/// local host run the same middleware first, ahead of anything that reads storage.
/// </summary>
public static class FeedsHttpPipeline
{
    public static IServiceCollection AddFeedsHttp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<RateLimitOptions>(configuration, RateLimitOptions.Section, o => o.Problems());
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, limits) =>
        {
            limiter.GlobalLimiter = ApiRateLimiter.Create(limits.Value);
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = ApiRateLimiter.RejectAsync;
        });
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, StartupFilter>());
        return services;
    }

    public static IApplicationBuilder UseFeedsHttp(this IApplicationBuilder app)
    {
        app.Use((context, next) =>
        {
            SecurityHeaders.Apply(context);
            return next(context);
        });
        return app.UseRateLimiter();
    }

    private sealed class StartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseFeedsHttp();
            next(app);
        };
    }
}
