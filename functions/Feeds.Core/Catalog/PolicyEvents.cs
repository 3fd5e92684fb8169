namespace Feeds.Core.Catalog;

/// <summary>
/// Loads and validates the policy events: every mineral must be a catalog id, ids unique, dates ISO (yyyy-MM-dd),
/// kind one of <see cref="Kinds"/>, and each entry must cite its source (a URL or the announcement as text). A bad
/// entry stops the load with an error naming the file and the entry.
/// </summary>
public static class PolicyEvents
{
    public const string FileName = "events.json";

    public static IReadOnlyList<string> Kinds { get; } = ["licensing", "ban", "suspension", "quota", "other"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    public static IReadOnlyList<PolicyEvent> Load(Stream stream, string fileName, IReadOnlySet<string> mineralIds)
    {
        PolicyEventFile? file;
        try
        {
            file = JsonSerializer.Deserialize<PolicyEventFile>(stream, Json);
        }
        catch (JsonException ex)
        {
            throw new CatalogException(fileName, "(file)", $"invalid JSON: {ex.Message}");
        }

        var events = file?.Events ?? throw new CatalogException(fileName, "(file)", "no 'events' array.");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (string.IsNullOrWhiteSpace(e.Id) || !ids.Add(e.Id))
            {
                throw new CatalogException(fileName, e.Id, "the id is empty or not unique.");
            }

            if (!DateOnly.TryParseExact(e.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                throw new CatalogException(fileName, e.Id, $"date '{e.Date}' is not yyyy-MM-dd.");
            }

            if (e.Minerals is null || e.Minerals.Count == 0)
            {
                throw new CatalogException(fileName, e.Id, "no minerals.");
            }

            if (e.Minerals.FirstOrDefault(m => !mineralIds.Contains(m)) is { } unknown)
            {
                throw new CatalogException(fileName, e.Id, $"unknown mineral '{unknown}' (not in the catalog's minerals.json).");
            }

            if (!Kinds.Contains(e.Kind) || string.IsNullOrWhiteSpace(e.Title) || string.IsNullOrWhiteSpace(e.Country))
            {
                throw new CatalogException(fileName, e.Id, $"kind must be one of {string.Join(", ", Kinds)}, and title and country are required.");
            }

            if (string.IsNullOrWhiteSpace(e.SourceText) && !Uri.TryCreate(e.SourceUrl, UriKind.Absolute, out _))
            {
                throw new CatalogException(fileName, e.Id, "needs a source (sourceUrl or sourceText).");
            }
        }

        return [.. events.OrderBy(e => e.Date, StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal)];
    }
}
