using System.Text.Json.Nodes;

namespace Feeds.Core.Operations;

/// <summary>
/// <c>GET /api/openapi.json</c>: the OpenAPI 3 document, kept as a file beside the code (Api/openapi.json) and
/// checked by a test against the route table, so it cannot silently fall behind.
/// </summary>
public sealed class OpenApiDocument(ApiHandler handler)
{
    private static readonly Lazy<byte[]> Document = new(Load);

    public Task<IResult> GetAsync(HttpRequest request) =>
        handler.RunAsync(request, [], _ =>
        {
            IResult result = new ApiResult(StatusCodes.Status200OK, ApiResponses.JsonContentType, Document.Value)
            {
                ETag = ApiResponses.ETagOf(Document.Value),
                CacheControl = CachePolicies.Reference,
            };
            return Task.FromResult(result);
        });

    /// <summary>The document as JSON (for tests and tools).</summary>
    public static JsonNode Parse() => JsonNode.Parse(Document.Value)!;

    private static byte[] Load()
    {
        using var stream = typeof(OpenApiDocument).Assembly.GetManifestResourceStream("openapi.json")
            ?? throw new InvalidOperationException("openapi.json is not embedded in Feeds.Core.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
