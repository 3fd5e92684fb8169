using System.Text.Json.Serialization;

namespace Feeds.Core.Snapshots;

/// <summary>
/// A column of a snapshot file: its name in the files (snake_case), the table property it comes from, its type,
/// and whether it may be empty (everything but the keys and <c>is_sample</c>).
/// </summary>
public sealed record SnapshotColumn(
    string Name,
    [property: JsonIgnore] string Property,
    [property: JsonConverter(typeof(JsonStringEnumConverter<SnapshotColumnType>))] SnapshotColumnType Type,
    bool Nullable);
