using System.Buffers;
using System.Buffers.Binary;
using Microsoft.Extensions.Caching.Hybrid;

namespace Feeds.Core.Http;

/// <summary>
/// A rendered response as bytes for the response cache: the size it counts against its limit, and the form an L2
/// cache (Redis) would store. Status, content type, the optional headers (length -1 when absent), then the body;
/// lengths are little-endian 32-bit, texts UTF-8. Written straight into the cache's buffer: one copy of the body.
/// </summary>
public sealed class ApiResultSerializer : IHybridCacheSerializer<ApiResult>
{
    public ApiResult Deserialize(ReadOnlySequence<byte> source)
    {
        var reader = new SequenceReader<byte>(source);
        var status = Int(ref reader);
        var contentType = Text(ref reader) ?? "";
        var (etag, cacheControl, link, disposition, allow) = (Text(ref reader), Text(ref reader), Text(ref reader), Text(ref reader), Text(ref reader));
        var body = new byte[Int(ref reader)];
        if (!reader.TryCopyTo(body))
        {
            throw new InvalidDataException("A cached response ends before its body does.");
        }

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
        Int(target, value.Status);
        foreach (var text in new[] { value.ContentType, value.ETag, value.CacheControl, value.Link, value.ContentDisposition, value.Allow })
        {
            if (text is null)
            {
                Int(target, -1);
                continue;
            }

            var length = Encoding.UTF8.GetByteCount(text);
            Int(target, length);
            Encoding.UTF8.GetBytes(text, target.GetSpan(length));
            target.Advance(length);
        }

        Int(target, value.Body.Length);
        target.Write(value.Body.Span);
    }

    private static void Int(IBufferWriter<byte> target, int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(target.GetSpan(4), value);
        target.Advance(4);
    }

    private static int Int(ref SequenceReader<byte> reader) =>
        reader.TryReadLittleEndian(out int value) ? value : throw new InvalidDataException("A cached response is cut short.");

    private static string? Text(ref SequenceReader<byte> reader)
    {
        var length = Int(ref reader);
        if (length < 0)
        {
            return null;
        }

        var bytes = new byte[length];
        if (!reader.TryCopyTo(bytes))
        {
            throw new InvalidDataException("A cached response is cut short.");
        }

        reader.Advance(length);
        return Encoding.UTF8.GetString(bytes);
    }
}
