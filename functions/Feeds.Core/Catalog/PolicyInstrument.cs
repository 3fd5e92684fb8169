namespace Feeds.Core.Catalog;

/// <summary>The legal instrument of a policy event: its number as issued ("MOFCOM/GACC Announcement No. 23 of 2023") and title.</summary>
public sealed record PolicyInstrument(string Number, string Title);
