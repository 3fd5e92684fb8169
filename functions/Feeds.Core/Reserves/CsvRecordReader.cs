namespace Feeds.Core.Reserves;

/// <summary>
/// An RFC 4180 reader that never throws and reads lazily from a <see cref="TextReader"/> (memory holds one record):
/// CRLF, LF or CR line ends, quoted fields with doubled quotes and line breaks inside (kept as LF). A quote inside an
/// unquoted field is kept as text; text after a closing quote is appended to the field. A quoted field that never
/// closes makes its first physical line one malformed record, and reading resumes on the next line, so one bad quote
/// cannot swallow the rest of a file.
/// </summary>
public static class CsvRecordReader
{
    /// <summary>Records longer than this are cut into a malformed record (a runaway quote in a huge file).</summary>
    public const int MaxRecordChars = 1_000_000;

    public static IEnumerable<CsvRecord> Read(string text) => Read(new StringReader(text));

    public static IEnumerable<CsvRecord> Read(TextReader reader)
    {
        // Lines read ahead for a quoted field that then never closed are given back here, in order.
        var givenBack = new LinkedList<(string Text, int Line)>();
        var nextLine = 1;
        (string Text, int Line)? Next()
        {
            if (givenBack.First is { } first)
            {
                givenBack.RemoveFirst();
                return first.Value;
            }

            var line = reader.ReadLine();
            return line is null ? null : (line, nextLine++);
        }

        while (Next() is { } start)
        {
            var text = start.Text;
            var more = new List<(string Text, int Line)>();
            var malformed = false;
            while (true)
            {
                var (fields, open) = Split(text);
                if (!open)
                {
                    yield return new CsvRecord(start.Line, fields, text, Malformed: false);
                    break;
                }

                if (text.Length > MaxRecordChars || Next() is not { } following)
                {
                    malformed = true;
                    break;
                }

                more.Add(following);
                text = text + "\n" + following.Text;
            }

            if (malformed)
            {
                for (var i = more.Count - 1; i >= 0; i--)
                {
                    givenBack.AddFirst(more[i]);
                }

                yield return new CsvRecord(start.Line, [start.Text], start.Text, Malformed: true);
            }
        }
    }

    /// <summary>The fields of a record's text, and whether a quoted field is still open at its end.</summary>
    private static (List<string> Fields, bool Open) Split(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return (fields, quoted);
    }
}
