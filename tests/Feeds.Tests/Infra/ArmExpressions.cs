using System.Text;

namespace Feeds.Tests.Infra;

/// <summary>
/// Finishes the little that <c>bicep snapshot</c> leaves unevaluated in string values the tests read: <c>format()</c>
/// over string literals and <c>environment().suffixes</c> (public cloud). Anything else (<c>reference()</c>, values
/// Azure assigns at deployment) is returned as it was.
/// </summary>
public static class ArmExpressions
{
    private static readonly Dictionary<string, string> Suffixes = new(StringComparer.Ordinal)
    {
        ["storage"] = "core.windows.net",
        ["keyvaultDns"] = ".vault.azure.net",
    };

    public static string Evaluate(string value)
    {
        if (!value.StartsWith('[') || !value.EndsWith(']') || value.StartsWith("[[", StringComparison.Ordinal))
        {
            return value;
        }

        var position = 1;
        var result = TryExpression(value, ref position);
        return result is not null && position == value.Length - 1 ? result : value;
    }

    private static string? TryExpression(string text, ref int position)
    {
        SkipSpaces(text, ref position);
        if (text[position] == '\'')
        {
            return Literal(text, ref position);
        }

        const string environment = "environment().suffixes.";
        if (string.CompareOrdinal(text, position, environment, 0, environment.Length) == 0)
        {
            position += environment.Length;
            var start = position;
            while (position < text.Length && char.IsAsciiLetterOrDigit(text[position]))
            {
                position++;
            }

            return Suffixes.GetValueOrDefault(text[start..position]);
        }

        const string format = "format(";
        if (string.CompareOrdinal(text, position, format, 0, format.Length) != 0)
        {
            return null;
        }

        position += format.Length;
        var arguments = new List<string>();
        while (true)
        {
            var argument = TryExpression(text, ref position);
            if (argument is null)
            {
                return null;
            }

            arguments.Add(argument);
            SkipSpaces(text, ref position);
            if (text[position] == ')')
            {
                position++;
                break;
            }

            if (text[position] != ',')
            {
                return null;
            }

            position++;
        }

        return string.Format(System.Globalization.CultureInfo.InvariantCulture, arguments[0], arguments.Skip(1).Cast<object>().ToArray());
    }

    private static string Literal(string text, ref int position)
    {
        var builder = new StringBuilder();
        position++;
        while (true)
        {
            if (text[position] == '\'')
            {
                if (position + 1 < text.Length && text[position + 1] == '\'')
                {
                    builder.Append('\'');
                    position += 2;
                    continue;
                }

                position++;
                return builder.ToString();
            }

            builder.Append(text[position++]);
        }
    }

    private static void SkipSpaces(string text, ref int position)
    {
        while (position < text.Length && text[position] == ' ')
        {
            position++;
        }
    }
}
