namespace Feeds.Core.Storage;

/// <summary>
/// Nested facts stored as one JSON text column (read whole, never filtered on): one serializer setting for every
/// table, camelCase like the API, so a partner reading a column sees the API's field names.
/// </summary>
public static class JsonColumn
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Json);

    /// <summary>Null stays a missing column (Table Storage stores no nulls).</summary>
    public static string? WriteOrNull<T>(T? value) where T : class => value is null ? null : Write(value);

    public static T? Read<T>(string? json) where T : class => json is null ? null : JsonSerializer.Deserialize<T>(json, Json);
}
