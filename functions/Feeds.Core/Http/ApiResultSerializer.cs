using System.Buffers;
using Microsoft.Extensions.Caching.Hybrid;

namespace Feeds.Core.Http;

/// <summary>
/// A rendered response as bytes for the response cache: the size it counts against its limit, and the form an L2
/// cache (Redis) would store. Status, the header values, then the body.
/// </summary>
public sealed class ApiResultSerializer : IHybridCacheSerializer<ApiResult>
{
    public ApiResult Deserialize(ReadOnlySequence<byte> source)
    {
        using var reader = new BinaryReader(new MemoryStream(source.ToArray()), Encoding.UTF8);
        var status = reader.ReadInt32();
        var contentType = reader.ReadString();
        var (etag, cacheControl, link, disposition, allow) = (Text(reader), Text(reader), Text(reader), Text(reader), Text(reader));
        var body = reader.ReadBytes(reader.ReadInt32());
        return new ApiResult(status, contentType, body)
        {
            ETag = etag,
            CacheControl = cacheControl,
            Link = link,
            ContentDisposition = disposition,
            Allow = allow,
        };
    }

    public void Serialize(ApiResult value, IBufferWriter<byte> target)
    {
        using var buffer = new MemoryStream(value.Body.Length + 256);
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(value.Status);
            writer.Write(value.ContentType);
            foreach (var text in new[] { value.ETag, value.CacheControl, value.Link, value.ContentDisposition, value.Allow })
            {
                writer.Write(text is not null);
                writer.Write(text ?? "");
            }

            writer.Write(value.Body.Length);
            writer.Write(value.Body.Span);
        }

        target.Write(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private static string? Text(BinaryReader reader)
    {
        var present = reader.ReadBoolean();
        var text = reader.ReadString();
        return present ? text : null;
    }
}
