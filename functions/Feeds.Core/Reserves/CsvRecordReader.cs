namespace Feeds.Core.Reserves;

/// <summary>
/// An RFC 4180 reader that never throws: CRLF, LF or CR line ends, quoted fields with doubled quotes and line breaks
/// inside. A quote inside an unquoted field is kept as text; text after a closing quote is appended to the field. A
/// quoted field that never closes makes its first physical line one malformed record, and reading resumes on the next
/// line, so one bad quote cannot swallow the rest of a file.
/// </summary>
public static class CsvRecordReader
{
    /// <summary>Records longer than this are cut into a malformed record (a runaway quote in a huge file).</summary>
    public const int MaxRecordChars = 1_000_000;

    public static IEnumerable<CsvRecord> Read(string text)
    {
        var position = 0;
        var line = 1;
        while (position < text.Length)
        {
            var start = position;
            var startLine = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            var malformed = false;
            var ended = false;
            while (!ended)
            {
                if (position >= text.Length)
                {
                    if (quoted)
                    {
                        malformed = true;
                    }

                    break;
                }

                if (position - start > MaxRecordChars)
                {
                    malformed = true;
                    break;
                }

                var c = text[position];
                if (quoted)
                {
                    if (c == '"')
                    {
                        if (position + 1 < text.Length && text[position + 1] == '"')
                        {
                            field.Append('"');
                            position += 2;
                            continue;
                        }

                        quoted = false;
                        position++;
                        continue;
                    }

                    if (c == '\n' || (c == '\r' && (position + 1 >= text.Length || text[position + 1] != '\n')))
                    {
                        line++;
                    }

                    field.Append(c);
                    position++;
                    continue;
                }

                switch (c)
                {
                    case '"' when field.Length == 0:
                        quoted = true;
                        position++;
                        break;
                    case ',':
                        fields.Add(field.ToString());
                        field.Clear();
                        position++;
                        break;
                    case '\r':
                        position += position + 1 < text.Length && text[position + 1] == '\n' ? 2 : 1;
                        line++;
                        ended = true;
                        break;
                    case '\n':
                        position++;
                        line++;
                        ended = true;
                        break;
                    default:
                        field.Append(c);
                        position++;
                        break;
                }
            }

            if (malformed)
            {
                // Give back everything after the record's first physical line and read on from there.
                var lineEnd = text.IndexOfAny(['\r', '\n'], start);
                var raw = lineEnd < 0 ? text[start..] : text[start..lineEnd];
                position = lineEnd < 0 ? text.Length : lineEnd + (text[lineEnd] == '\r' && lineEnd + 1 < text.Length && text[lineEnd + 1] == '\n' ? 2 : 1);
                line = startLine + 1;
                yield return new CsvRecord(startLine, [raw], raw, Malformed: true);
                continue;
            }

            fields.Add(field.ToString());
            var end = position;
            while (end > start && text[end - 1] is '\r' or '\n')
            {
                end--;
            }

            yield return new CsvRecord(startLine, fields, text[start..end], Malformed: false);
        }
    }
}
