using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Feeds.Core.Configuration;

namespace Feeds.Core.Storage;

/// <summary>
/// Builds the storage clients from <c>FeedsStorage</c>: either a connection string (Azurite, local runs) or the
/// identity-based form the Functions host uses (<c>FeedsStorage__tableServiceUri</c>, <c>__blobServiceUri</c>, <c>__queueServiceUri</c>,
/// <c>__credential</c>, <c>__clientId</c>), so one setting name serves both.
/// </summary>
public static class StorageClientFactory
{
    public static TableServiceClient CreateTableServiceClient(IConfiguration configuration, TableClientOptions? options = null)
    {
        var connectionString = ConnectionString(configuration);
        if (connectionString is not null)
        {
            return new TableServiceClient(connectionString, options);
        }

        var section = configuration.GetSection(FeedsSettings.StorageConnection);
        return new TableServiceClient(RequiredUri(section, "tableServiceUri"), Credential(section), options);
    }

    public static BlobServiceClient CreateBlobServiceClient(IConfiguration configuration, BlobClientOptions? options = null)
    {
        var connectionString = ConnectionString(configuration);
        if (connectionString is not null)
        {
            return new BlobServiceClient(connectionString, options);
        }

        var section = configuration.GetSection(FeedsSettings.StorageConnection);
        return new BlobServiceClient(RequiredUri(section, "blobServiceUri"), Credential(section), options);
    }

    public static QueueServiceClient CreateQueueServiceClient(IConfiguration configuration, QueueClientOptions? options = null)
    {
        var connectionString = ConnectionString(configuration);
        if (connectionString is not null)
        {
            return new QueueServiceClient(connectionString, options);
        }

        var section = configuration.GetSection(FeedsSettings.StorageConnection);
        return new QueueServiceClient(RequiredUri(section, "queueServiceUri"), Credential(section), options);
    }

    private static string? ConnectionString(IConfiguration configuration)
    {
        var value = configuration[FeedsSettings.StorageConnection];
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        // Neither form given: the documented default, local development storage (Azurite).
        return configuration.GetSection(FeedsSettings.StorageConnection).GetChildren().Any()
            ? null
            : "UseDevelopmentStorage=true";
    }

    private static Uri RequiredUri(IConfigurationSection section, string key)
    {
        var value = section[key];
        return Uri.TryCreate(value, UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException(
                $"Configuration '{section.Path}__{key}' must be an absolute URI when '{section.Path}' is identity-based.");
    }

    private static TokenCredential Credential(IConfigurationSection section)
    {
        var kind = section["credential"];
        var clientId = section["clientId"];
        if (string.Equals(kind, "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            return string.IsNullOrEmpty(clientId)
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        }

        // Local runs against the cloud: the developer's az / VS sign-in.
        return new DefaultAzureCredential();
    }
}
