namespace Feeds.Core.Catalog;

/// <summary>The catalog's data files are inconsistent; the message names the file and the entry.</summary>
public sealed class CatalogException(string file, string entry, string problem)
    : Exception($"{file}: entry '{entry}': {problem}"), Pipeline.ICategorizedError
{
    public string File { get; } = file;
    public string Entry { get; } = entry;
    public string Problem { get; } = problem;

    public string ErrorCategory => Pipeline.FeedErrors.Data;
}
