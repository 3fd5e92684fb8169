using Feeds.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);

// ASP.NET Core integration: HTTP triggers take HttpRequest, as the local host's routes do.
builder.ConfigureFunctionsWebApplication();

// Sampling, and no log category that prints request URLs (function keys) in telemetry.
builder.Services.AddFeedsTelemetry();

builder.Services.AddFeedsCore(builder.Configuration);
builder.Services.AddSingleton<Feeds.Functions.Triggers.FeedTimerRunner>();

builder.Build().Run();
