using System.Net;
using System.Text.Json.Nodes;
using Feeds.Core.Operations;
using Feeds.Tests.Support;

namespace Feeds.Tests.Integration;

/// <summary>
/// Bad input never makes a 5xx: every route of the OpenAPI document gets seeded random query strings built from its
/// own parameter names and hostile values (injection attempts, huge numbers, control characters, repeats).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class QueryFuzzTests(AzuriteFixture azurite)
{
    private static readonly string[] Values =
    [
        "", " ", "lithium", "LITHIUM", "IND", "usa", "W00", "X490", "156", "M", "x", "2023", "-1", "0", "99999999999999999999",
        "1e308", "NaN", "true", "maybe", "IN2023,US2025", ",,,", "' or PartitionKey ne '", "lithium' or '1' eq '1", "%00", "\u0000",
        "\u202e", "日本", "../../etc/passwd", "<script>", "a/b", "a#b", "a?b", "$filter", new string('z', 199), new string('9', 201),
        "2020-01-01", "T", "element", "group", "csv", "json", "1000", "1001", "bzE6MA", "not-a-token==",
    ];

    [Fact]
    public async Task No_query_string_makes_a_server_error()
    {
        var server = await azurite.SeededServerAsync();
        var document = OpenApiDocument.Parse();
        var random = new Random(20261126);
        var failures = new List<string>();
        var sent = 0;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            var parameters = ((JsonArray?)item!["get"]?["parameters"] ?? []).Select(p => Name(document, p!)).Where(n => n is not null).ToList();
            for (var i = 0; i < 30; i++)
            {
                var url = Url(path, parameters!, random);
                using var response = await server.Client.GetAsync(url);
                sent++;
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{(int)response.StatusCode} {url}: {await response.Content.ReadAsStringAsync()}");
                }
                else if (response.StatusCode == HttpStatusCode.BadRequest && response.Content.Headers.ContentLength is not 0)
                {
                    // (Kestrel itself refuses a NUL in the path with an empty 400 before any middleware runs.)
                    Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{url}: {response.Content.Headers.ContentType}");
                }
            }
        }

        Assert.True(sent > 300);
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
    }

    private static string Url(string path, IReadOnlyList<string> parameters, Random random)
    {
        var route = path.Replace("{id}", Segment(random), StringComparison.Ordinal).Replace("{feed}", Segment(random), StringComparison.Ordinal)
            .Replace("{runId}", Segment(random), StringComparison.Ordinal);
        var names = parameters.Append("unknown").Append("code").ToList();
        var pairs = Enumerable.Range(0, random.Next(0, 5)).Select(_ =>
        {
            var name = names[random.Next(names.Count)];
            return $"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(Pick(random))}";
        });
        return $"/api{route}?{string.Join('&', pairs)}";

        static string Pick(Random random) => Values[random.Next(Values.Length)];

        static string Segment(Random random) => Pick(random) is { Length: > 0 } value ? Uri.EscapeDataString(value) : "x";
    }

    private static string? Name(JsonNode document, JsonNode parameter) =>
        parameter["$ref"] is { } reference
            ? (string?)document["components"]!["parameters"]![((string)reference!).Split('/')[^1]]!["name"]
            : parameter["in"]?.ToString() == "path" ? null : (string?)parameter["name"];
}
