using Parquet;
using Parquet.Schema;

namespace Feeds.Core.Snapshots;

/// <summary>
/// Parquet with typed columns (numbers as numbers, timestamps as UTC microseconds; nullable but for the keys and
/// <c>is_sample</c>), written in row groups of <see cref="RowGroupRows"/> so memory holds one group at a time.
/// </summary>
public static class SnapshotParquet
{
    public const int RowGroupRows = 20_000;

    public static ParquetSchema Schema(IReadOnlyList<SnapshotColumn> columns) => new(columns.Select(Field));

    public static DataField Field(SnapshotColumn column) => column.Type switch
    {
        SnapshotColumnType.Timestamp => new DateTimeDataField(column.Name, DateTimeFormat.Timestamp, isAdjustedToUTC: true,
            unit: DateTimeTimeUnit.Micros, isNullable: column.Nullable),
        _ => new DataField(column.Name, ClrType(column.Type), column.Nullable),
    };

    public static Type ClrType(SnapshotColumnType type) => type switch
    {
        SnapshotColumnType.Int32 => typeof(int),
        SnapshotColumnType.Int64 => typeof(long),
        SnapshotColumnType.Double => typeof(double),
        SnapshotColumnType.Boolean => typeof(bool),
        SnapshotColumnType.Timestamp => typeof(DateTime),
        _ => typeof(string),
    };

    /// <summary>Writes the spool to a seekable stream (Parquet's footer needs the offsets of what came before).</summary>
    public static async Task WriteAsync(SnapshotSpool spool, Stream destination, CancellationToken cancellationToken)
    {
        var columns = spool.Columns();
        var schema = Schema(columns);
        var fields = schema.GetDataFields();
        var writer = await ParquetWriter.CreateAsync(schema, destination, cancellationToken: cancellationToken).ConfigureAwait(false);
        await using var writerDisposal = writer.ConfigureAwait(false);
        var buffers = columns.Select(c => new object?[RowGroupRows]).ToArray();
        var count = 0;
        foreach (var row in spool.Read())
        {
            for (var c = 0; c < row.Length; c++)
            {
                buffers[c][count] = row[c];
            }

            if (++count == RowGroupRows)
            {
                await WriteGroupAsync(writer, columns, fields, buffers, count, cancellationToken).ConfigureAwait(false);
                count = 0;
            }
        }

        if (count > 0)
        {
            await WriteGroupAsync(writer, columns, fields, buffers, count, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task WriteGroupAsync(
        ParquetWriter writer, IReadOnlyList<SnapshotColumn> columns, DataField[] fields, object?[][] buffers, int count,
        CancellationToken cancellationToken)
    {
        using var group = writer.CreateRowGroup();
        for (var c = 0; c < columns.Count; c++)
        {
            var values = buffers[c].AsSpan(0, count);
            var field = fields[c];
            var nullable = columns[c].Nullable;
            var write = columns[c].Type switch
            {
                SnapshotColumnType.String => group.WriteAsync(field, values.ToArray().Select(v => (string?)v).ToArray()!, null),
                SnapshotColumnType.Int32 => WriteStructAsync(group, field, nullable, Typed<int>(values), cancellationToken),
                SnapshotColumnType.Int64 => WriteStructAsync(group, field, nullable, Typed<long>(values), cancellationToken),
                SnapshotColumnType.Double => WriteStructAsync(group, field, nullable, Typed<double>(values), cancellationToken),
                SnapshotColumnType.Boolean => WriteStructAsync(group, field, nullable, Typed<bool>(values), cancellationToken),
                SnapshotColumnType.Timestamp => WriteStructAsync(group, field, nullable, Times(values), cancellationToken),
                _ => throw new InvalidOperationException($"No Parquet type for the snapshot column type {columns[c].Type}."),
            };
            await write.ConfigureAwait(false);
        }

        group.CompleteValidate();
    }

    /// <summary>Timestamps as UTC <see cref="DateTime"/>, which Parquet.Net writes as timestamps.</summary>
    private static DateTime?[] Times(Span<object?> values)
    {
        var result = new DateTime?[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = values[i] is DateTimeOffset t ? t.UtcDateTime : null;
        }

        return result;
    }

    private static T?[] Typed<T>(Span<object?> values) where T : struct
    {
        var result = new T?[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = values[i] is T v ? v : null;
        }

        return result;
    }

    private static Task WriteStructAsync<T>(ParquetRowGroupWriter group, DataField field, bool nullable, T?[] values, CancellationToken cancellationToken)
        where T : struct =>
        nullable
            ? group.WriteAsync<T>(field, values.AsMemory(), null, null, cancellationToken)
            : group.WriteAsync<T>(field, values.Select(v => v ?? default).ToArray().AsMemory(), null, null, cancellationToken);
}
