namespace Feeds.Core.Operations;

/// <summary>
/// The optional JSON body of <c>POST /api/feeds/{feed}/runs</c>:
/// <c>{"from":2010,"to":2024,"reporters":["IND"],"force":false}</c>. Every problem is a 400 naming its field
/// (<c>body</c> when the whole body is unreadable); unknown fields are refused rather than ignored.
/// </summary>
public static class FeedRunBody
{
    /// <summary>A run request body is a few fields; anything larger is not one.</summary>
    public const int MaxBytes = 16 * 1024;

    public static IReadOnlyList<string> Fields { get; } = ["force", "from", "to", "reporters"];

    public static async Task<FeedRunRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
        {
            length += read;
        }

        if (length > MaxBytes)
        {
            throw ApiException.BadField("body", $"The body is larger than {MaxBytes} bytes; a run request is a few fields.");
        }

        return Parse(buffer.AsSpan(0, length));
    }

    public static FeedRunRequest Parse(ReadOnlySpan<byte> body)
    {
        if (body.Trim(" \t\r\n"u8).IsEmpty)
        {
            return FeedRunRequest.Default;
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(body);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            throw ApiException.BadField("body", $"The body is not JSON: {ex.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw ApiException.BadField("body", "The body must be a JSON object such as {\"from\":2010,\"to\":2024,\"reporters\":[\"IND\"],\"force\":false}.");
            }

            var result = FeedRunRequest.Default;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var name = Fields.FirstOrDefault(f => string.Equals(f, property.Name, StringComparison.OrdinalIgnoreCase))
                    ?? throw ApiException.BadField(property.Name, $"'{property.Name}' is not a field of a run request; fields: {string.Join(", ", Fields)}.");
                if (!seen.Add(name))
                {
                    throw ApiException.BadField(name, $"'{name}' is given twice.");
                }

                var value = property.Value;
                result = name switch
                {
                    "force" => result with
                    {
                        Force = value.ValueKind switch
                        {
                            JsonValueKind.True => true,
                            JsonValueKind.False => false,
                            _ => throw ApiException.BadField(name, "'force' must be true or false."),
                        },
                    },
                    "from" => result with { From = Year(name, value) },
                    "to" => result with { To = Year(name, value) },
                    _ => result with { Reporters = Reporters(value) },
                };
            }

            if (result.From > result.To)
            {
                throw ApiException.BadField("from", $"'from' {result.From} is after 'to' {result.To}.");
            }

            return result;
        }
    }

    private static int Year(string name, JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var year) && year is >= Identifiers.FirstYear and <= Identifiers.LastYear
            ? year
            : throw ApiException.BadField(name, $"'{name}' must be a year from {Identifiers.FirstYear} to {Identifiers.LastYear}; got {Excerpt(value)}.");

    private static List<string> Reporters(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() is 0 or > 50)
        {
            throw ApiException.BadField("reporters", $"'reporters' must be a list of 1 to 50 ISO3 codes, such as [\"IND\"]; got {Excerpt(value)}.");
        }

        var result = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            var code = item.ValueKind == JsonValueKind.String ? item.GetString()!.Trim().ToUpperInvariant() : null;
            if (code is null || !Identifiers.Iso3().IsMatch(code))
            {
                throw ApiException.BadField("reporters", $"'reporters' holds {Excerpt(item)}, which is not an ISO3 code.");
            }

            if (!result.Contains(code))
            {
                result.Add(code);
            }
        }

        return result;
    }

    private static string Excerpt(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length > 40 ? text[..40] + "…" : text;
    }
}
