using System.ComponentModel;

namespace Feeds.Core.Http;

/// <summary>The data routes' response cache; bound from <c>Feeds:Api:Cache</c>.</summary>
public sealed class ResponseCacheOptions
{
    public const string Section = "Feeds:Api:Cache";

    [Description("Memory the response cache may hold, in MiB (rendered bodies and headers); past it the least recently used entries are evicted.")]
    public int SizeLimitMB { get; set; } = 64;

    [Description("Seconds between checks of the datasets' versions (point reads); also the data routes' max-age and stale-while-revalidate.")]
    public int VersionCheckSeconds { get; set; } = 30;

    public long SizeLimitBytes => SizeLimitMB * 1024L * 1024L;

    public TimeSpan VersionCheckInterval => TimeSpan.FromSeconds(VersionCheckSeconds);

    public IEnumerable<string> Problems()
    {
        if (SizeLimitMB is < 1 or > 4096)
        {
            yield return $"{Section}:SizeLimitMB must be from 1 to 4096; got {SizeLimitMB}.";
        }

        if (VersionCheckSeconds is < 1 or > 3600)
        {
            yield return $"{Section}:VersionCheckSeconds must be from 1 to 3600; got {VersionCheckSeconds}.";
        }
    }
}
