namespace Feeds.Local;

/// <summary>How to run Azurite: loopback ports, and either in memory (tests) or persisted in a folder (local runs).</summary>
public sealed record AzuriteOptions(string RepositoryRoot, int BlobPort, int QueuePort, int TablePort, string? Location)
{
    /// <summary>Azurite's default ports, which <c>UseDevelopmentStorage=true</c> points at.</summary>
    public static AzuriteOptions Default(string repositoryRoot) =>
        new(repositoryRoot, 10000, 10001, 10002, Path.Combine(repositoryRoot, ".azurite"));

    public bool InMemory => Location is null;

    /// <summary>The well-known development account's connection string for these ports.</summary>
    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";
}
