using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace Feeds.Core.Http;

/// <summary>
/// Continuation tokens bound to the query that issued them: opaque, URL-safe, and checked on the way back, so a forged
/// token, a token from another route or from the same route with other filters is a 400 naming <c>continuation</c>
/// instead of a silently wrong page. The check is integrity, not secrecy (the data is public and every query stays in
/// its partition): a SHA-256 keyed on the route and its filters (format and limit excluded, so a client may change
/// them between pages) over the position.
/// </summary>
public static class ContinuationToken
{
    private const string Version = "c1";
    private const int MacBytes = 16;

    /// <summary>A token for <paramref name="position"/> (a storage continuation or an offset) in this query's answer.</summary>
    public static string Issue(ApiQuery query, string position)
    {
        var payload = Encoding.UTF8.GetBytes(position);
        var mac = Mac(query.Binding, payload);
        return Version + "." + Base64UrlTextEncoder.Encode(payload) + "." + Base64UrlTextEncoder.Encode(mac);
    }

    /// <summary>The position of the request's token, or null without one; a token this query did not issue is a 400.</summary>
    public static string? Read(ApiQuery query)
    {
        if (query.Continuation is not { } token)
        {
            return null;
        }

        var parts = token.Split('.');
        if (parts.Length == 3 && parts[0] == Version)
        {
            try
            {
                var payload = Base64UrlTextEncoder.Decode(parts[1]);
                var mac = Base64UrlTextEncoder.Decode(parts[2]);
                if (CryptographicOperations.FixedTimeEquals(mac, Mac(query.Binding, payload)))
                {
                    return Encoding.UTF8.GetString(payload);
                }
            }
            catch (FormatException)
            {
                // falls through to the 400 below
            }
        }

        throw Foreign();
    }

    /// <summary>The 400 for a token that does not (or no longer) fit this query.</summary>
    public static ApiException Foreign() => ApiException.BadParameter("continuation",
        "'continuation' is not a token issued for this query (same route and filters); start again without it.");

    private static byte[] Mac(string binding, byte[] payload)
    {
        var key = Encoding.UTF8.GetBytes(Version + "\n" + binding);
        return HMACSHA256.HashData(key, payload)[..MacBytes];
    }
}
