using Feeds.Core;
using Feeds.Core.Storage;
using Feeds.Local;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Feeds.Tests.Support;

/// <summary>Settings and services for one test's isolated slice of Azurite (a unique table prefix).</summary>
public static class TestStorage
{
    public static Dictionary<string, string?> Settings(AzuriteFixture azurite, string? prefix = null)
    {
        prefix ??= UniquePrefix();
        return new()
        {
            [SettingKeys.StorageConnection] = azurite.ConnectionString,
            [SettingKeys.TablePrefix] = prefix,
            // Each test's own run queue too: a worker of another test must never take its messages.
            [SettingKeys.RunsQueueName] = prefix.ToLowerInvariant() + "-slices",
            // Many tests share one loopback client address and one server: the limiter's own tests set a limit.
            [SettingKeys.RateLimitPermitsPerMinute] = "0",
        };
    }

    public static string UniquePrefix() => "t" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>The shared services, as both hosts register them, over this test's tables.</summary>
    public static ServiceProvider Services(IDictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        configure?.Invoke(services);
        services.AddFeedsCore(configuration);
        return services.BuildServiceProvider();
    }

    public static async Task<ServiceProvider> CreateAsync(
        AzuriteFixture azurite, Action<IServiceCollection>? configure = null, IDictionary<string, string?>? extraSettings = null)
    {
        var settings = Settings(azurite);
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var provider = Services(settings, configure);
        await provider.GetRequiredService<FeedTables>().EnsureCreatedAsync(CancellationToken.None);
        return provider;
    }
}
