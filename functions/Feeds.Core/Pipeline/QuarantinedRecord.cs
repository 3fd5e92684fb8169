namespace Feeds.Core.Pipeline;

/// <summary>A source record that could not be stored: where it came from, why, and the record as read.</summary>
public sealed record QuarantinedRecord(string Source, string Location, string Reason, string Raw);
