namespace Feeds.Core.Catalog;

/// <summary>Where the catalog's data files come from: the assembly (default) or a folder (tests, overrides).</summary>
public interface ICatalogFiles
{
    /// <summary>Opens a data file by its name (e.g. <c>minerals.json</c>).</summary>
    Stream Open(string fileName);
}
