using Azure.Data.Tables;
using Feeds.Core.Catalog;
using Feeds.Core.Pipeline;
using Feeds.Core.Storage;
using Microsoft.Extensions.Options;

namespace Feeds.Tests.Support;

/// <summary>The catalog service over the embedded files (or given ones) for tests that never touch storage.</summary>
public static class TestCatalog
{
    public static CatalogService Service(ICatalogFiles? files = null, TimeProvider? time = null)
    {
        // A client is built, never called: only the published-version read would use it.
        var tables = new FeedTables(new TableServiceClient("UseDevelopmentStorage=true"), Options.Create(new FeedsStorageOptions()));
        return new CatalogService(files ?? new EmbeddedCatalogFiles(), new FeedCheckpointStore(tables, time ?? TimeProvider.System), time ?? TimeProvider.System);
    }

    public static PolicyRegister Register() => new(Service());
}
