using Microsoft.AspNetCore.WebUtilities;

namespace Feeds.Core.Http;

/// <summary>Opaque continuation token for lists paged by a table query: the storage SDK's token, base64url.</summary>
public static class TableToken
{
    public static string? Encode(string? token) =>
        token is null ? null : Base64UrlTextEncoder.Encode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? token)
    {
        if (token is null)
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64UrlTextEncoder.Decode(token));
            // The SDK's token is "{nextPartitionKey} {nextRowKey}"; anything else was not issued here.
            return text.Length is > 0 and < 2048 && !text.Any(char.IsControl) ? text : throw new FormatException();
        }
        catch (FormatException)
        {
            throw ApiException.BadParameter("continuation", "'continuation' is not a token this route issued; start again without it.");
        }
    }
}
