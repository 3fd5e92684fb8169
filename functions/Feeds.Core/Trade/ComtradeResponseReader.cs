using System.Buffers;

namespace Feeds.Core.Trade;

/// <summary>
/// Streams a Comtrade v1 response (<c>{"elapsedTime":…,"count":N,"data":[…],"error":""}</c>) record by record
/// with <see cref="Utf8JsonReader"/>: memory holds one record at a time, whatever the response size, and each record
/// is handed on (with its JSON, valid during the call) as soon as it is read. Fields are read by name; numbers may be
/// integers or floats; a body that is not JSON or ends early fails clearly.
/// </summary>
public static class ComtradeResponseReader
{
    private const int InitialBuffer = 64 * 1024;

    public static async Task<ComtradeResponse> ReadAsync(
        Stream stream, IReadOnlySet<int> sampleIndexes, Action<ComtradeRecord, JsonElement> onRecord, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
        var parser = new Parser(sampleIndexes, onRecord);
        try
        {
            var filled = 0;
            var final = false;
            while (!parser.Done)
            {
                if (!final)
                {
                    if (filled == buffer.Length)
                    {
                        var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, filled).CopyTo(bigger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                    final = read == 0;
                    filled += read;
                }

                var consumed = parser.Process(buffer.AsSpan(0, filled), final);
                if (consumed == 0 && final && !parser.Done)
                {
                    throw new ComtradeException($"The response ended before the JSON was complete (truncated body after {parser.Records} records).");
                }

                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
            }

            return new ComtradeResponse(parser.DeclaredCount, parser.Error, parser.Records);
        }
        catch (JsonException ex)
        {
            throw new ComtradeException($"The response is not valid, complete JSON (an error page or a truncated body?): {ex.Message}", inner: ex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Parses one record object (also used by tests and the replay handler).</summary>
    public static ComtradeRecord ParseRecord(JsonElement e, bool isSample) => new(
        Str(e, "freqCode"),
        Int(e, "refYear"),
        Int(e, "refMonth"),
        Str(e, "period"),
        Int(e, "reporterCode"),
        Str(e, "reporterDesc"),
        Str(e, "flowCode"),
        Int(e, "partnerCode"),
        Str(e, "partnerISO"),
        Str(e, "partnerDesc"),
        Int(e, "partner2Code"),
        Str(e, "classificationCode"),
        Bool(e, "isOriginalClassification") ?? true,
        Str(e, "cmdCode"),
        Str(e, "customsCode"),
        Int(e, "motCode"),
        Num(e, "primaryValue"),
        Num(e, "cifvalue"),
        Num(e, "fobvalue"),
        Num(e, "netWgt"),
        Bool(e, "isNetWgtEstimated") ?? false,
        Num(e, "qty"),
        Str(e, "qtyUnitAbbr"),
        isSample);

    private static string Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString() ?? "",
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => "",
        } : "";

    private static double? Num(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.Number => v.GetDouble(),
            JsonValueKind.String when double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => null,
        };
    }

    private static int? Int(JsonElement e, string name) =>
        Num(e, name) is { } d && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue ? (int)d : null;

    private static bool? Bool(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String => bool.TryParse(v.GetString(), out var b) ? b : null,
            JsonValueKind.Number => v.GetDouble() != 0,
            _ => null,
        } : null;

    /// <summary>A resumable walk over the envelope: each step is atomic, and undone when the buffer ends mid-step.</summary>
    private sealed class Parser(IReadOnlySet<int> sampleIndexes, Action<ComtradeRecord, JsonElement> onRecord)
    {
        private JsonReaderState _state;
        private bool _started;
        private bool _inData;
        private string? _property;

        public bool Done { get; private set; }
        public int Records { get; private set; }
        public int? DeclaredCount { get; private set; }
        public string? Error { get; private set; }

        public int Process(ReadOnlySpan<byte> data, bool final)
        {
            var reader = new Utf8JsonReader(data, final, _state);
            var committed = reader;
            while (!Done && Step(ref reader, data))
            {
                committed = reader;
            }

            _state = committed.CurrentState;
            return (int)committed.BytesConsumed;
        }

        /// <summary>Reads one token (or one whole record / skipped value). False when more bytes are needed.</summary>
        private bool Step(ref Utf8JsonReader reader, ReadOnlySpan<byte> data)
        {
            var start = reader;
            if (!reader.Read())
            {
                reader = start;
                return false;
            }

            if (!_started)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new JsonException("expected a JSON object");
                }

                _started = true;
                return true;
            }

            if (_inData)
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.EndArray:
                        _inData = false;
                        return true;
                    case JsonTokenType.StartObject:
                        var objectStart = (int)reader.TokenStartIndex;
                        if (!reader.TrySkip())
                        {
                            reader = start;
                            return false;
                        }

                        var recordReader = new Utf8JsonReader(data[objectStart..(int)reader.BytesConsumed]);
                        using (var document = JsonDocument.ParseValue(ref recordReader))
                        {
                            onRecord(ParseRecord(document.RootElement, sampleIndexes.Contains(Records)), document.RootElement);
                        }

                        Records++;
                        return true;
                    default:
                        throw new JsonException($"expected a record object in data, found {reader.TokenType}");
                }
            }

            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName when reader.CurrentDepth == 1:
                    _property = reader.GetString();
                    return true;
                case JsonTokenType.EndObject when reader.CurrentDepth == 0:
                    Done = true;
                    return true;
                case JsonTokenType.StartArray when _property == "data":
                    _inData = true;
                    return true;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    if (!reader.TrySkip())
                    {
                        reader = start;
                        return false;
                    }

                    return true;
                case JsonTokenType.Number when _property == "count":
                    DeclaredCount = reader.TryGetInt32(out var count) ? count : null;
                    return true;
                case JsonTokenType.String when _property == "error":
                    Error = reader.GetString();
                    return true;
                default:
                    return true;
            }
        }
    }
}
