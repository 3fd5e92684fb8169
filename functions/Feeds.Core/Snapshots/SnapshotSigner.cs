using Azure.Storage.Blobs;
using Azure.Storage.Sas;

namespace Feeds.Core.Snapshots;

/// <summary>Short-lived, read-only links to one snapshot's files (the partners' links route).</summary>
public sealed class SnapshotSigner(BlobServiceClient service, SnapshotStore store, TimeProvider time)
{
    /// <summary>Links live at most this long.</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(1);

    private BlobContainerClient Container => store.Container;

    /// <summary>
    /// Read-only links expiring within the hour: account-key SAS when the client holds the key (Azurite), otherwise
    /// user-delegation SAS signed with a key the managed identity asks for (HTTPS only).
    /// </summary>
    public async Task<SnapshotLinks> LinksAsync(string manifestPath, SnapshotManifest manifest, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var starts = now.AddMinutes(-15); // clock skew between this host and storage
        var expires = now + LinkLifetime;
        Func<string, Uri> sign;
        if (Container.GetBlobClient(manifestPath).CanGenerateSasUri)
        {
            sign = path => Container.GetBlobClient(path).GenerateSasUri(Builder(path, starts, expires, https: false));
        }
        else
        {
            var key = await service.GetUserDelegationKeyAsync(starts, expires, cancellationToken).ConfigureAwait(false);
            sign = path => new BlobUriBuilder(Container.GetBlobClient(path).Uri)
            {
                Sas = Builder(path, starts, expires, https: true).ToSasQueryParameters(key.Value, service.AccountName),
            }.ToUri();
        }

        return new SnapshotLinks(
            manifest.Folder,
            expires,
            new SnapshotLink(manifestPath, null, null, null, null, sign(manifestPath)),
            manifest.Files.Select(f => new SnapshotLink(f.Path, f.Dataset, f.Format, f.Bytes, f.Sha256, sign(f.Path))).ToList());
    }

    private BlobSasBuilder Builder(string path, DateTimeOffset starts, DateTimeOffset expires, bool https)
    {
        var builder = new BlobSasBuilder
        {
            BlobContainerName = Container.Name,
            BlobName = path,
            Resource = "b",
            StartsOn = starts,
            ExpiresOn = expires,
            Protocol = https ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
        };
        builder.SetPermissions(BlobSasPermissions.Read);
        return builder;
    }
}
