using System.Text;
using System.Text.Json;
using Feeds.Tests.Support;

namespace Feeds.Tests.Integration;

/// <summary>
/// One name per quantity (docs/api.md, "Names"): a CSV column is the snake_case of the JSON property it carries
/// (<c>valueTons</c> → <c>value_tons</c>, a nested <c>reserves.sharePercent</c> → <c>reserves_share_percent</c>), the
/// same rule the partner snapshot applies to stored columns — so no quantity has a second spelling.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class NamingSchemeTests(AzuriteFixture azurite)
{
    /// <summary>Columns a CSV adds as summaries of a JSON list (docs/api.md lists them): not a second name of anything.</summary>
    private static readonly string[] CsvOnlyColumns = ["hs_codes_partial", "hs_codes_not_in_catalog"];

    [Theory]
    [InlineData("/api/minerals?lists=IN2023,US2025")]
    [InlineData("/api/countries")]
    [InlineData("/api/trade?reporter=USA&mineral=lithium&flow=M&from=2020&to=2024")]
    [InlineData("/api/trade/partners?reporter=USA&mineral=lithium&flow=M&year=2023")]
    [InlineData("/api/trade/reconciliation?reporter=USA&mineral=lithium&flow=M&year=2023")]
    [InlineData("/api/reserves?mineral=lithium")]
    [InlineData("/api/reserves/series?mineral=lithium&country=AUS&measure=mine-production")]
    [InlineData("/api/salient?mineral=graphite&edition=MCS2026")]
    [InlineData("/api/indicators?reporter=USA&year=2023")]
    [InlineData("/api/sourcing?mineral=lithium&buyer=IND")]
    [InlineData("/api/events")]
    [InlineData("/api/events/chn-2023-graphite-licensing/impact?reporter=CHN&partner=IND&mineral=graphite&hs=250410&months=6")]
    public async Task Every_csv_column_is_the_snake_case_of_a_json_name(string url)
    {
        var server = await azurite.SeededServerAsync();
        var json = JsonDocument.Parse(await server.Client.GetStringAsync(url)).RootElement;
        var csv = await server.Client.GetStringAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "format=csv");
        var header = csv[..csv.IndexOf('\n', StringComparison.Ordinal)].TrimEnd('\r').Split(',');

        var names = new HashSet<string>(CsvOnlyColumns, StringComparer.Ordinal);
        Collect(json, "", names);
        // /api/minerals has one yes/no column per list shown, named by the list's id.
        if (json.TryGetProperty("lists", out var lists) && lists.ValueKind == JsonValueKind.Array)
        {
            names.UnionWith(lists.EnumerateArray().Select(l => l.ValueKind == JsonValueKind.String ? l.GetString()! : l.GetProperty("id").GetString()!));
        }

        var strays = header.Where(column => !names.Contains(column)).ToList();
        Assert.True(strays.Count == 0, $"{url}: CSV columns with no JSON name of that spelling: {string.Join(", ", strays)}");
    }

    /// <summary>Every property name of the body, alone and joined to its parents' names, as snake_case.</summary>
    private static void Collect(JsonElement element, string prefix, HashSet<string> names)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var name = Snake(property.Name);
                    names.Add(name);
                    var joined = prefix.Length == 0 ? name : prefix + "_" + name;
                    names.Add(joined);
                    Collect(property.Value, name, names);
                    Collect(property.Value, joined, names);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray().Take(50))
                {
                    Collect(item, prefix, names);
                }

                break;
        }
    }

    private static string Snake(string camel)
    {
        var builder = new StringBuilder(camel.Length + 8);
        foreach (var c in camel)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
