using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.FileProviders;

namespace Feeds.Local;

/// <summary>Builds the local host's web application: the shared services and the <c>/api</c> routes on Kestrel.</summary>
public static class LocalHost
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <summary>
    /// Configuration key (<c>--allow-remote</c> on the command line) that lets the host listen beyond loopback. Off, it
    /// refuses other addresses and answers only to loopback host names: its keyed routes have no key here, so another
    /// machine (or a web page rebinding a DNS name to 127.0.0.1) must not reach them.
    /// </summary>
    public const string AllowRemoteKey = "LocalHost:AllowRemote";

    /// <summary>Host names the loopback-only host answers to (AllowedHosts; ports do not matter).</summary>
    public const string LoopbackHosts = "localhost;127.0.0.1;[::1]";

    public static WebApplication Build(
        string[] args, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        if (!builder.Configuration.GetValue<bool>(AllowRemoteKey))
        {
            var urls = (builder.Configuration["urls"] ?? DefaultUrl).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Concat(builder.Configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
            foreach (var url in urls)
            {
                if (!IsLoopback(url))
                {
                    throw new InvalidOperationException(
                        $"The local host listens on loopback only (its keyed routes have no key here); '{url}' is not a loopback address. " +
                        "Use http://127.0.0.1:<port>, or pass --allow-remote to listen elsewhere (and set AllowedHosts).");
                }
            }

            builder.Configuration["AllowedHosts"] = LoopbackHosts;
            // An empty 400 for another Host header, not the framework's HTML page.
            builder.Services.Configure<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>(o => o.IncludeFailureMessage = false);
        }

        // Long request lines reach the app, which answers 414 as problem+json rather than Kestrel's empty 414.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestLineSize = 64 * 1024);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        // One line per request drowns the feed progress; warnings and errors still show.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        // Registered first so a caller's (a test's) services win over the defaults AddFeedsCore only tries to add.
        configureServices?.Invoke(builder.Services);
        builder.Services.AddFeedsCore(builder.Configuration);
        builder.Services.AddValidatedOptions<LocalOptions>(builder.Configuration, LocalOptions.Section, o => o.Problems());
        builder.Services.AddSingleton<LocalWorkers>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LocalWorkers>());

        var app = builder.Build();

        // Anything the handlers did not catch still answers as problem+json, never an HTML error page.
        app.UseExceptionHandler(error => error.Run(context =>
            ApiResponses.Problem(context.Request, StatusCodes.Status500InternalServerError, "internal-error",
                "Internal error", "The server failed to answer this request; the error was logged.").ExecuteAsync(context)));
        app.Use((context, next) =>
            (context.Request.Path.Value?.Length ?? 0) + (context.Request.QueryString.Value?.Length ?? 0) > ApiHandler.MaxTargetLength
                ? ApiResponses.Problem(context.Request, StatusCodes.Status414UriTooLong, "uri-too-long", "Request target too long",
                    $"The path and query string together exceed {ApiHandler.MaxTargetLength} characters; no route takes that much.").ExecuteAsync(context)
                : next(context));
        // Any error status the pipeline sets without a body (no route, a method routing refused, a request the server
        // rejected) still answers as problem+json.
        app.UseStatusCodePages(context =>
        {
            var http = context.HttpContext;
            var status = http.Response.StatusCode;
            if (status < 400 || http.Response.ContentLength is not null || http.Response.HasStarted)
            {
                return Task.CompletedTask;
            }

            return (status == StatusCodes.Status404NotFound
                ? ApiResponses.Problem(http.Request, status, "not-found", "Not found", "No such route; GET /api/openapi.json lists the routes.")
                : ApiResponses.Problem(http.Request, status, "http-" + status.ToString(CultureInfo.InvariantCulture),
                    ReasonPhrases.GetReasonPhrase(status), "The server could not answer this request as sent.")).ExecuteAsync(http);
        });
        // The dashboard's built page at "/": static files sit outside /api, so the API routes stay as they are.
        var dashboard = DashboardFiles.Find();
        if (dashboard is { IsBuilt: true })
        {
            var files = new PhysicalFileProvider(dashboard.Dist);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }

        app.MapFeedsApi();
        return app;
    }

    /// <summary>Whether a listen URL binds loopback only (127.0.0.0/8, [::1], localhost); wildcards are not.</summary>
    public static bool IsLoopback(string url)
    {
        var host = url.Split("://", 2) is [_, var rest] ? rest : url;
        host = host.Split('/')[0];
        host = host.StartsWith('[') ? host[..(host.IndexOf(']', StringComparison.Ordinal) + 1)] : host.Split(':')[0];
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var address) && System.Net.IPAddress.IsLoopback(address));
    }
}
