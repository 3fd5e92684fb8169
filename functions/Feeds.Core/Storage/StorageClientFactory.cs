using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Feeds.Core.Storage;

/// <summary>
/// Builds the storage clients from <c>FeedsStorage</c>: either a connection string (Azurite, local runs) or the
/// identity-based form the Functions host uses (<c>FeedsStorage__tableServiceUri</c>, <c>__blobServiceUri</c>, <c>__queueServiceUri</c>,
/// <c>__credential</c>, <c>__clientId</c>), so one setting name serves both.
/// </summary>
public static class StorageClientFactory
{
    public static TableServiceClient CreateTableServiceClient(IConfiguration configuration, TableClientOptions? options = null) =>
        Create(configuration, "tableServiceUri", c => new TableServiceClient(c, options), (uri, credential) => new TableServiceClient(uri, credential, options));

    public static BlobServiceClient CreateBlobServiceClient(IConfiguration configuration, BlobClientOptions? options = null) =>
        Create(configuration, "blobServiceUri", c => new BlobServiceClient(c, options), (uri, credential) => new BlobServiceClient(uri, credential, options));

    public static QueueServiceClient CreateQueueServiceClient(IConfiguration configuration, QueueClientOptions? options = null) =>
        Create(configuration, "queueServiceUri", c => new QueueServiceClient(c, options), (uri, credential) => new QueueServiceClient(uri, credential, options));

    private static T Create<T>(IConfiguration configuration, string uriKey, Func<string, T> fromConnectionString, Func<Uri, TokenCredential, T> fromIdentity)
    {
        if (ConnectionString(configuration) is { } connectionString)
        {
            return fromConnectionString(connectionString);
        }

        var section = configuration.GetSection(FeedsSettings.StorageConnection);
        return fromIdentity(RequiredUri(section, uriKey), Credential(section));
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
