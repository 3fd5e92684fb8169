namespace Feeds.Core.Catalog;

/// <summary>Catalog data files read from a folder.</summary>
public sealed class DirectoryCatalogFiles(string directory) : ICatalogFiles
{
    public Stream Open(string fileName) => File.OpenRead(Path.Combine(directory, fileName));
}
