namespace Feeds.Core.Catalog;

/// <summary>How entries are counted when lists are compared.</summary>
public enum ListCounting
{
    /// <summary>One list's entries exactly as published (India lists REE and PGE as groups; the US lists elements).</summary>
    Published,

    /// <summary>REE and PGE count once each: an element stands for its group.</summary>
    Group,

    /// <summary>Groups expand into the US's individual entries (16 REE, 5 PGE).</summary>
    Element,
}
