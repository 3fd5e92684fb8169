using System.ComponentModel;

namespace Feeds.Core.Http;

/// <summary>
/// <c>Feeds:RateLimit</c>: the in-app limiter on the anonymous routes that read storage, a second line behind the edge
/// (Front Door's WAF rate limit), so a flood from one client is bounded even without it.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Feeds:RateLimit";

    [Description("Requests one client may make per minute to the anonymous routes that read storage, per instance (a token bucket that refills evenly); 0 turns the in-app limiter off.")]
    public int PermitsPerMinute { get; set; } = 600;

    [Description("The Front Door profile's id (X-Azure-FDID), set by the templates when the edge is deployed: a request carrying it is counted by X-Azure-ClientIP. None: by the address the platform appended to X-Forwarded-For.")]
    public string? FrontDoorId { get; set; }

    public IEnumerable<string> Problems()
    {
        if (PermitsPerMinute is < 0 or > 100_000)
        {
            yield return $"{Section}:PermitsPerMinute must be from 0 (off) to 100000; got {PermitsPerMinute}.";
        }

        if (!string.IsNullOrEmpty(FrontDoorId) && !Guid.TryParse(FrontDoorId, out _))
        {
            yield return $"{Section}:FrontDoorId must be a Front Door profile id (a GUID); got '{FrontDoorId}'.";
        }
    }
}
