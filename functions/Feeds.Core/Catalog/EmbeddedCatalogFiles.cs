namespace Feeds.Core.Catalog;

/// <summary>The data files compiled into Feeds.Core from <c>data/catalog/</c>.</summary>
public sealed class EmbeddedCatalogFiles : ICatalogFiles
{
    public Stream Open(string fileName) =>
        typeof(EmbeddedCatalogFiles).Assembly.GetManifestResourceStream("catalog/" + fileName)
        ?? throw new FileNotFoundException($"The catalog file '{fileName}' is not embedded in Feeds.Core.", fileName);
}
