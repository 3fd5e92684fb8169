using System.Text.Json.Nodes;
using Feeds.Core.Catalog;

namespace Feeds.Tests.Support;

/// <summary>A temporary copy of the real catalog files that a test may change.</summary>
public sealed class CatalogFiles : IDisposable
{
    public CatalogFiles()
    {
        Directory = Path.Combine(Path.GetTempPath(), "feeds-catalog-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(Directory);
        var embedded = new EmbeddedCatalogFiles();
        foreach (var name in CatalogLoader.FileNames)
        {
            using var source = embedded.Open(name);
            using var target = File.Create(Path.Combine(Directory, name));
            source.CopyTo(target);
        }
    }

    public string Directory { get; }

    public DirectoryCatalogFiles Files => new(Directory);

    public void Edit(string file, Action<JsonNode> edit)
    {
        var path = Path.Combine(Directory, file);
        var node = JsonNode.Parse(File.ReadAllText(path))!;
        edit(node);
        File.WriteAllText(path, node.ToJsonString());
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
