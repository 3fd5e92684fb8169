namespace Feeds.Core.Reserves;

/// <summary>What a value column of an MCS world file holds (the first word of its name).</summary>
internal enum ColumnKind
{
    Production,
    Capacity,
    Reserves,
}
