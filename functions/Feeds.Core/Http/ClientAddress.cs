using System.Net;
using System.Net.Sockets;

namespace Feeds.Core.Http;

/// <summary>
/// Who a request comes from, for per-client limits. Behind Front Door (its id in <c>X-Azure-FDID</c>), the client is
/// <c>X-Azure-ClientIP</c>: the app accepts traffic from that profile only, so the header cannot be forged. Otherwise
/// it is the right-most public address in <c>X-Forwarded-For</c>: a client can prepend anything, but not what the
/// platform's front end appended after it; private and loopback hops are the platform's own. Without either, the
/// connection's address. IPv6 clients count by their /64, which one subscriber holds whole.
/// </summary>
public static class ClientAddress
{
    public const string FrontDoorIdHeader = "X-Azure-FDID", FrontDoorClientHeader = "X-Azure-ClientIP", ForwardedForHeader = "X-Forwarded-For";

    public static string Of(HttpContext context, string? frontDoorId)
    {
        var headers = context.Request.Headers;
        if (!string.IsNullOrEmpty(frontDoorId)
            && string.Equals(headers[FrontDoorIdHeader].ToString(), frontDoorId, StringComparison.OrdinalIgnoreCase)
            && Parse(headers[FrontDoorClientHeader].ToString()) is { } edgeClient)
        {
            return Key(edgeClient);
        }

        var hops = headers[ForwardedForHeader].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var hop in hops.Reverse())
        {
            if (Parse(hop) is { } address && !IsPlatformHop(address))
            {
                return Key(address);
            }
        }

        return context.Connection.RemoteIpAddress is { } remote ? Key(remote) : "unknown";
    }

    /// <summary>An address, with or without a port (<c>1.2.3.4:5678</c>, <c>[2001:db8::1]:443</c>).</summary>
    public static IPAddress? Parse(string text)
    {
        if (IPAddress.TryParse(text, out var address) || (IPEndPoint.TryParse(text, out var endpoint) && (address = endpoint.Address) is not null))
        {
            return address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        }

        return null;
    }

    /// <summary>Loopback, private, link-local and shared (carrier-grade NAT) ranges: hops inside the platform.</summary>
    public static bool IsPlatformHop(IPAddress address)
    {
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var first = address.GetAddressBytes()[0];
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || (first & 0xFE) == 0xFC; // fc00::/7 unique local
        }

        var b = address.GetAddressBytes();
        return b[0] == 10
            || (b[0] == 172 && b[1] is >= 16 and <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] is >= 64 and <= 127)
            || b[0] == 0;
    }

    private static string Key(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
