namespace Feeds.Core.Snapshots;

/// <summary>
/// One pass over a table into a temp file (binary, one record per entity) while the column schema is discovered:
/// every property name any entity has, its Edm type widened when entities disagree. Both files of a dataset are then
/// written from the spool, so they hold the same rows and columns, the table is read once, and memory holds one page.
/// </summary>
public sealed class SnapshotSpool : IDisposable
{
    public const string IsSampleProperty = "IsSample";

    private static readonly HashSet<string> SystemProperties = new(StringComparer.Ordinal)
    {
        "PartitionKey", "RowKey", "Timestamp", "odata.etag",
    };

    private readonly FileStream _file;
    private readonly BinaryWriter _writer;
    private readonly List<string> _properties = [];
    private readonly List<SnapshotColumnType> _types = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public SnapshotSpool()
    {
        // Deleted when closed, also when the export fails half-way.
        _file = new FileStream(Path.Combine(Path.GetTempPath(), "feeds-spool-" + Guid.NewGuid().ToString("N")),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        _writer = new BinaryWriter(_file, Encoding.UTF8, leaveOpen: true);
    }

    public long Rows { get; private set; }

    /// <summary>Reads every entity of <paramref name="table"/> (page by page) into a new spool.</summary>
    public static async Task<SnapshotSpool> ReadAsync(TableClient table, CancellationToken cancellationToken)
    {
        var spool = new SnapshotSpool();
        try
        {
            await foreach (var entity in table.QueryAsync<TableEntity>(maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                spool.Add(entity);
            }
        }
        catch (Exception ex) when (Storage.FeedTables.IsTableNotFound(ex))
        {
            // No feed has created it yet: the dataset is exported empty.
        }
        catch
        {
            spool.Dispose();
            throw;
        }

        return spool;
    }

    public void Add(TableEntity entity)
    {
        _writer.Write(entity.PartitionKey);
        _writer.Write(entity.RowKey);
        var values = entity.Where(p => !SystemProperties.Contains(p.Key) && p.Value is not null).ToList();
        _writer.Write(values.Count);
        foreach (var (key, raw) in values)
        {
            var (type, value) = Normalize(raw!);
            if (!_index.TryGetValue(key, out var i))
            {
                _index[key] = i = _properties.Count;
                _properties.Add(key);
                _types.Add(type);
            }
            else
            {
                _types[i] = Widen(_types[i], type);
            }

            _writer.Write(i);
            _writer.Write((byte)type);
            switch (value)
            {
                case string s: _writer.Write(s); break;
                case int n: _writer.Write(n); break;
                case long n: _writer.Write(n); break;
                case double d: _writer.Write(d); break;
                case bool b: _writer.Write(b); break;
                case DateTimeOffset t: _writer.Write(t.UtcTicks); break;
            }
        }

        Rows++;
    }

    /// <summary>The files' columns: keys first, then properties in the order first seen, and always <c>is_sample</c>.</summary>
    public IReadOnlyList<SnapshotColumn> Columns()
    {
        var columns = new List<SnapshotColumn>
        {
            new("partition_key", "PartitionKey", SnapshotColumnType.String, Nullable: false),
            new("row_key", "RowKey", SnapshotColumnType.String, Nullable: false),
        };
        var names = new HashSet<string>(columns.Select(c => c.Name), StringComparer.Ordinal);
        for (var i = 0; i < _properties.Count; i++)
        {
            var isSample = _properties[i] == IsSampleProperty && _types[i] == SnapshotColumnType.Boolean;
            var name = SnakeCase(_properties[i]);
            while (!names.Add(name))
            {
                name += "_";
            }

            columns.Add(new SnapshotColumn(name, _properties[i], _types[i], Nullable: !isSample));
        }

        if (!_index.ContainsKey(IsSampleProperty))
        {
            columns.Add(new SnapshotColumn("is_sample", IsSampleProperty, SnapshotColumnType.Boolean, Nullable: false));
        }

        return columns;
    }

    /// <summary>
    /// Every row, values aligned with <see cref="Columns"/> and converted to the column's type. The array is reused
    /// from row to row: copy what you keep.
    /// </summary>
    public IEnumerable<object?[]> Read()
    {
        var columns = Columns();
        var position = columns.Select((c, i) => (c.Property, i)).Skip(2).ToDictionary(p => p.Property, p => p.i, StringComparer.Ordinal);
        var slot = _properties.Select(p => position[p]).ToArray();
        var isSample = position[IsSampleProperty];
        _writer.Flush();
        _file.Position = 0;
        using var reader = new BinaryReader(_file, Encoding.UTF8, leaveOpen: true);
        var row = new object?[columns.Count];
        for (long r = 0; r < Rows; r++)
        {
            Array.Clear(row);
            row[0] = reader.ReadString();
            row[1] = reader.ReadString();
            var count = reader.ReadInt32();
            for (var p = 0; p < count; p++)
            {
                var i = reader.ReadInt32();
                object value = (SnapshotColumnType)reader.ReadByte() switch
                {
                    SnapshotColumnType.String => reader.ReadString(),
                    SnapshotColumnType.Int32 => reader.ReadInt32(),
                    SnapshotColumnType.Int64 => reader.ReadInt64(),
                    SnapshotColumnType.Double => reader.ReadDouble(),
                    SnapshotColumnType.Boolean => reader.ReadBoolean(),
                    _ => new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero),
                };
                var c = slot[i];
                row[c] = Convert(value, columns[c].Type);
            }

            // Every row says whether it is real or sample data; a table without the flag holds real data.
            row[isSample] ??= false;
            yield return row;
        }
    }

    public void Dispose()
    {
        _writer.Dispose();
        _file.Dispose();
    }

    private static (SnapshotColumnType, object) Normalize(object value) => value switch
    {
        string s => (SnapshotColumnType.String, s),
        int n => (SnapshotColumnType.Int32, n),
        long n => (SnapshotColumnType.Int64, n),
        double d => (SnapshotColumnType.Double, d),
        bool b => (SnapshotColumnType.Boolean, b),
        DateTimeOffset t => (SnapshotColumnType.Timestamp, ToMicroseconds(t)),
        DateTime t => (SnapshotColumnType.Timestamp, ToMicroseconds(new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)))),
        Guid g => (SnapshotColumnType.String, g.ToString()),
        byte[] b => (SnapshotColumnType.String, System.Convert.ToBase64String(b)),
        BinaryData b => (SnapshotColumnType.String, System.Convert.ToBase64String(b.ToArray())),
        _ => (SnapshotColumnType.String, System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""),
    };

    /// <summary>
    /// Timestamps keep microseconds (Parquet's widely read TIMESTAMP(MICROS); the table keeps 100 ns ticks), the same
    /// in both files.
    /// </summary>
    public static DateTimeOffset ToMicroseconds(DateTimeOffset t) =>
        new(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);

    /// <summary>Integers widen to Int64, numbers to Double; any other disagreement makes the column a string.</summary>
    public static SnapshotColumnType Widen(SnapshotColumnType a, SnapshotColumnType b) => (a, b) switch
    {
        _ when a == b => a,
        (SnapshotColumnType.Int32, SnapshotColumnType.Int64) or (SnapshotColumnType.Int64, SnapshotColumnType.Int32) => SnapshotColumnType.Int64,
        _ when IsNumber(a) && IsNumber(b) => SnapshotColumnType.Double,
        _ => SnapshotColumnType.String,
    };

    private static bool IsNumber(SnapshotColumnType t) => t is SnapshotColumnType.Int32 or SnapshotColumnType.Int64 or SnapshotColumnType.Double;

    private static object Convert(object value, SnapshotColumnType type) => type switch
    {
        SnapshotColumnType.Int64 when value is int n => (long)n,
        SnapshotColumnType.Double when value is int n => (double)n,
        SnapshotColumnType.Double when value is long n => (double)n,
        SnapshotColumnType.String when value is not string => SnapshotCsv.Format(value),
        _ => value,
    };

    /// <summary><c>ValueUsd</c> → <c>value_usd</c>, <c>Hs6</c> → <c>hs6</c>, <c>M49</c> → <c>m49</c>.</summary>
    public static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 &&
                (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
            {
                builder.Append('_');
            }

            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_');
        }

        return builder.ToString();
    }
}
