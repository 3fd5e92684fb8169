using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace Feeds.Core.Snapshots;

/// <summary>
/// The snapshots container: write-once files verified by reading them back, the <c>latest.json</c> pointer and the run
/// folders. Pruning (<see cref="SnapshotPruner"/>) and signed links (<see cref="SnapshotSigner"/>) work on it.
/// </summary>
public sealed class SnapshotStore(BlobServiceClient service, IOptions<SnapshotOptions> options)
{
    public const string LatestBlob = "latest.json";
    public const string ManifestName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new(ApiResponses.JsonOptions) { WriteIndented = true };

    public BlobContainerClient Container { get; } = service.GetBlobContainerClient(options.Value.Container);

    public Task EnsureContainerAsync(CancellationToken cancellationToken) =>
        Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    /// <summary>
    /// Streams a new blob through <paramref name="write"/> (block uploads; the commit fails if the name exists), then
    /// reads it back and checks size and SHA-256. Returns both.
    /// </summary>
    public async Task<(long Bytes, string Sha256)> WriteOnceAsync(
        string path, string contentType, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var blob = Container.GetBlockBlobClient(path);
        long bytes;
        string sha256;
        // overwrite: true is the only mode OpenWrite has; If-None-Match: * on the commit makes it write-once.
        var upload = await blob.OpenWriteAsync(overwrite: true, new BlockBlobOpenWriteOptions
        {
            BufferSize = 4 * 1024 * 1024,
            OpenConditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
        }, cancellationToken).ConfigureAwait(false);
        var hashing = new HashingStream(upload);
        await using (hashing.ConfigureAwait(false))
        {
            await write(hashing, cancellationToken).ConfigureAwait(false);
            await hashing.FlushAsync(cancellationToken).ConfigureAwait(false);
            bytes = hashing.BytesWritten;
            sha256 = hashing.Sha256Hex();
        }

        await VerifyAsync(path, bytes, sha256, cancellationToken).ConfigureAwait(false);
        return (bytes, sha256);
    }

    /// <summary>Reads the stored blob back: its size and hash must be what was written.</summary>
    public async Task VerifyAsync(string path, long bytes, string sha256, CancellationToken cancellationToken)
    {
        var blob = Container.GetBlobClient(path);
        var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (properties.Value.ContentLength != bytes)
        {
            throw new InvalidOperationException($"Snapshot blob {path} holds {properties.Value.ContentLength} bytes; {bytes} were written.");
        }

        var download = await blob.DownloadStreamingAsync(new BlobDownloadOptions
        {
            Conditions = new BlobRequestConditions { IfMatch = properties.Value.ETag },
        }, cancellationToken).ConfigureAwait(false);
        var content = download.Value.Content;
        await using var contentDisposal = content.ConfigureAwait(false);
        var (stored, length) = await HashingStream.HashAsync(content, cancellationToken).ConfigureAwait(false);
        if (stored != sha256 || length != bytes)
        {
            throw new InvalidOperationException($"Snapshot blob {path} reads back with SHA-256 {stored}; {sha256} was written.");
        }
    }

    public Task<(long Bytes, string Sha256)> WriteJsonOnceAsync<T>(string path, T value, CancellationToken cancellationToken) =>
        WriteOnceAsync(path, ApiResponses.JsonContentType,
            (stream, ct) => JsonSerializer.SerializeAsync(stream, value, Json, ct), cancellationToken);

    public async Task<(SnapshotPointer Pointer, ETag ETag)?> ReadLatestAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await Container.GetBlobClient(LatestBlob).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return (result.Value.Content.ToObjectFromJson<SnapshotPointer>(Json)!, result.Value.Details.ETag);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The manifest as stored (bytes, so the API serves exactly what partners download).</summary>
    public async Task<BinaryData?> ReadManifestBytesAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var result = await Container.GetBlobClient(path).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return result.Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public static SnapshotManifest ParseManifest(BinaryData bytes) => bytes.ToObjectFromJson<SnapshotManifest>(Json)!;

    /// <summary>
    /// Points <c>latest.json</c> at <paramref name="next"/>, unless a newer run got there first (run ids sort by
    /// start time). Conditional on the ETag read, so two exports cannot interleave their updates.
    /// </summary>
    public async Task<bool> ReplaceLatestAsync(SnapshotPointer next, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var current = await ReadLatestAsync(cancellationToken).ConfigureAwait(false);
            if (current is { } c && string.CompareOrdinal(c.Pointer.Folder, next.Folder) > 0)
            {
                return false;
            }

            var conditions = current is { } existing
                ? new BlobRequestConditions { IfMatch = existing.ETag }
                : new BlobRequestConditions { IfNoneMatch = ETag.All };
            try
            {
                await Container.GetBlobClient(LatestBlob).UploadAsync(
                    BinaryData.FromObjectAsJson(next, Json),
                    new BlobUploadOptions
                    {
                        Conditions = conditions,
                        HttpHeaders = new BlobHttpHeaders { ContentType = ApiResponses.JsonContentType, CacheControl = "no-cache" },
                    },
                    cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Someone else moved it meanwhile: read again and decide again.
            }
        }

        throw new InvalidOperationException("latest.json kept changing while this export tried to replace it.");
    }

    /// <summary>Every run folder (<c>{date}/{runId}/</c>), newest first.</summary>
    public async Task<IReadOnlyList<SnapshotFolder>> ListFoldersAsync(CancellationToken cancellationToken)
    {
        var folders = new SortedDictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        try
        {
            await foreach (var item in Container.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                var parts = item.Name.Split('/');
                if (parts.Length != 3)
                {
                    continue;
                }

                var folder = parts[0] + "/" + parts[1] + "/";
                var completed = parts[2] == ManifestName ? item.Properties.CreatedOn ?? item.Properties.LastModified : null;
                folders[folder] = folders.GetValueOrDefault(folder) ?? completed;
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return [];
        }

        return folders.Reverse()
            .Select(f =>
            {
                var parts = f.Key.Split('/');
                return new SnapshotFolder(parts[0], parts[1], f.Key, f.Value is not null, f.Value);
            })
            .ToList();
    }
}
