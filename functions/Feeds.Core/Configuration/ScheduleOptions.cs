using System.ComponentModel;

namespace Feeds.Core.Configuration;

/// <summary>
/// <c>Feeds:Schedules</c>: NCRONTAB schedules (UTC) of the timer functions. The Functions host reads them as
/// <c>%Feeds:Schedules:…%</c> app settings; they are bound here too so that they are validated on start and listed with
/// their defaults like every other setting.
/// </summary>
public sealed class ScheduleOptions
{
    public const string Section = "Feeds:Schedules";

    [Description("NCRONTAB schedule (UTC) of the catalog feed's timer function.")]
    public string Catalog { get; set; } = "0 15 0 * * *";

    [Description("NCRONTAB schedule (UTC) of the Comtrade feed's timer function.")]
    public string Comtrade { get; set; } = "0 0 1 * * *";

    [Description("NCRONTAB schedule (UTC) of the usgs feed's timer function (weekly).")]
    public string Usgs { get; set; } = "0 0 3 * * 1";

    [Description("NCRONTAB schedule (UTC) of the freshness check that logs each feed's freshness (the stale-feed alert reads it).")]
    public string Freshness { get; set; } = "0 30 * * * *";

    [Description("NCRONTAB schedule (UTC) of the nightly partner snapshot export.")]
    public string Snapshot { get; set; } = "0 30 2 * * *";

    /// <summary>Six space-separated fields (second minute hour day month day-of-week), as the timer trigger expects.</summary>
    public IEnumerable<string> Problems() =>
        new[] { (nameof(Catalog), Catalog), (nameof(Comtrade), Comtrade), (nameof(Usgs), Usgs), (nameof(Freshness), Freshness), (nameof(Snapshot), Snapshot) }
            .Where(s => s.Item2.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 6)
            .Select(s => $"{Section}:{s.Item1} '{s.Item2}' is not an NCRONTAB expression of six fields.");
}
