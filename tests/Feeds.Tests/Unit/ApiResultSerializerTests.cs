using System.Buffers;
using Feeds.Core.Http;

namespace Feeds.Tests.Unit;

/// <summary>The response cache's byte form (its size and what an L2 cache would hold) gives back the same response.</summary>
public sealed class ApiResultSerializerTests
{
    [Fact]
    public void A_response_survives_the_round_trip_with_every_header_and_the_absent_ones_absent()
    {
        var serializer = new ApiResultSerializer();
        var original = new ApiResult(200, ApiResponses.CsvContentType, "a,b\r\n1,é\r\n"u8.ToArray())
        {
            ETag = "\"abc\"",
            CacheControl = "public, max-age=30, stale-while-revalidate=30",
            Link = "<http://x/api/trade?continuation=c1.a.b>; rel=\"next\"",
            ContentDisposition = "inline; filename=\"trade.csv\"",
        };
        var buffer = new ArrayBufferWriter<byte>();
        serializer.Serialize(original, buffer);

        var back = serializer.Deserialize(new ReadOnlySequence<byte>(buffer.WrittenMemory));

        Assert.Equal(original with { Body = back.Body }, back);
        Assert.Equal(original.Body.ToArray(), back.Body.ToArray());
        Assert.Null(back.Allow);
        Assert.Throws<InvalidDataException>(() => serializer.Deserialize(new ReadOnlySequence<byte>(buffer.WrittenMemory[..^1])));
    }
}
