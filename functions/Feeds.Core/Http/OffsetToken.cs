using Microsoft.AspNetCore.WebUtilities;

namespace Feeds.Core.Http;

/// <summary>Opaque continuation token for lists paged in memory (small reference lists).</summary>
public static class OffsetToken
{
    private const string Prefix = "o1:";

    public static string Format(int offset) =>
        Base64UrlTextEncoder.Encode(Encoding.ASCII.GetBytes(Prefix + offset.ToString(CultureInfo.InvariantCulture)));

    public static int Parse(string? token, int count)
    {
        if (token is null)
        {
            return 0;
        }

        try
        {
            var text = Encoding.ASCII.GetString(Base64UrlTextEncoder.Decode(token));
            if (text.StartsWith(Prefix, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
                && offset >= 0 && offset <= count)
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // falls through to the 400 below
        }

        throw ApiException.BadParameter("continuation", "'continuation' is not a token this route issued (or the data changed under it); start again without it.");
    }
}
