using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using ServedDocument = Feeds.Core.Operations.OpenApiDocument;

namespace Feeds.Tests.Support;

/// <summary>
/// The served OpenAPI document as a strict client reads it: loaded with Microsoft.OpenApi (which upgrades the 3.0
/// document to its 3.1 model, so <c>nullable</c> becomes a JSON Schema type union), each response schema turned into a
/// JSON Schema 2020-12 document for JsonSchema.Net. Object schemas are closed (<c>additionalProperties: false</c>) so a
/// field the API sends but the document does not declare fails as surely as a declared field that is missing.
/// </summary>
public sealed class OpenApiContract
{
    private static readonly Lazy<OpenApiContract> Instance = new(() => new OpenApiContract());
    private readonly JsonObject _document;
    private readonly JsonObject _defs;
    private readonly List<(Regex Pattern, string Template)> _paths;
    private readonly Dictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    private OpenApiContract()
    {
        var text = ServedDocument.Parse().ToJsonString();
        var read = OpenApiDocument.Parse(text, "json", new OpenApiReaderSettings());
        Diagnostics = read.Diagnostic?.Errors.Select(e => $"{e.Pointer}: {e.Message}").ToList() ?? [];
        var v31 = read.Document!.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1).GetAwaiter().GetResult();
        _document = JsonNode.Parse(v31)!.AsObject();
        _defs = Close(JsonNode.Parse(_document["components"]!["schemas"]!.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal))!).AsObject();
        _paths = _document["paths"]!.AsObject()
            .Select(p => (new Regex("^/api" + Regex.Replace(Regex.Escape(p.Key), @"\\\{[^}]+}", "[^/]+") + "$", RegexOptions.None, TimeSpan.FromSeconds(1)), p.Key))
            .ToList();
    }

    public static OpenApiContract Document => Instance.Value;

    /// <summary>What Microsoft.OpenApi reported while reading the document (empty when it reads cleanly).</summary>
    public IReadOnlyList<string> Diagnostics { get; }

    /// <summary>Every path template with the operations (lower-case methods) it declares.</summary>
    public IEnumerable<(string Template, string Method)> Operations =>
        _document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Where(o => o.Key != "parameters").Select(o => (p.Key, o.Key)));

    /// <summary>The template a request path falls under, or null.</summary>
    public string? TemplateOf(string path) => _paths.FirstOrDefault(p => p.Pattern.IsMatch(path)).Template;

    /// <summary>The response object the operation declares for a status (or its default), with references followed; null when undeclared.</summary>
    public JsonObject? Response(string template, string method, int status)
    {
        var responses = _document["paths"]![template]![method]!["responses"]!.AsObject();
        var response = responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] ?? responses["default"];
        return response is null ? null : Follow(response).AsObject();
    }

    /// <summary>The schema a response declares for a media type, ready to evaluate; null when that media type is not declared.</summary>
    public JsonSchema? Schema(JsonObject response, string mediaType)
    {
        if (response["content"]?[mediaType]?["schema"] is not { } schema)
        {
            return null;
        }

        var text = schema.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        lock (_lock)
        {
            if (!_schemas.TryGetValue(text, out var built))
            {
                var root = Close(JsonNode.Parse(text)!).AsObject();
                root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
                root["$defs"] = _defs.DeepClone();
                var id = new Uri($"https://feeds.test/contract/{_schemas.Count}");
                built = JsonSchema.FromText(root.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() }, id);
                _schemas[text] = built;
            }

            return built;
        }
    }

    /// <summary>Validates a body; returns the failures (location: message), empty when it conforms.</summary>
    public static IReadOnlyList<string> Validate(JsonSchema schema, JsonElement body)
    {
        var result = schema.Evaluate(body, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key} {e.Value}"))
                .DefaultIfEmpty("invalid (no details)").ToList();
    }

    private JsonNode Follow(JsonNode node)
    {
        while (node is JsonObject o && o["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/", StringComparison.Ordinal))
        {
            node = reference[2..].Split('/').Aggregate((JsonNode)_document, (n, part) => n[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)]!);
        }

        return node;
    }

    /// <summary>Closes every object schema that lists its properties.</summary>
    private static JsonNode Close(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o.ToList())
                {
                    if (child is not null)
                    {
                        Close(child);
                    }
                }

                if (o["properties"] is JsonObject && !o.ContainsKey("additionalProperties"))
                {
                    o["additionalProperties"] = false;
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    if (child is not null)
                    {
                        Close(child);
                    }
                }

                break;
        }

        return node;
    }
}
