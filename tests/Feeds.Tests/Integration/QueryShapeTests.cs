using System.Net;
using Azure.Core;
using Azure.Data.Tables;
using Feeds.Local;
using Feeds.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Feeds.Tests.Integration;

/// <summary>
/// Every data route's table access is a point read or a single-partition query: asserted on the requests the
/// storage client actually sends, not on what the code intends.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class QueryShapeTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("/api/health")]
    [InlineData("/api/feeds")]
    [InlineData("/api/feeds/comtrade/quarantine")]
    [InlineData("/api/feeds/usgs/runs/20261126T010000123Z-0a1b2c")]
    [InlineData("/api/trade?reporter=USA&mineral=lithium&flow=M&from=2020&to=2024&partner=CHN&hs=283691")]
    [InlineData("/api/trade?reporter=IND&mineral=graphite&partner=X490")]
    [InlineData("/api/trade/partners?reporter=USA&mineral=lithium&flow=M&year=2023&includeShared=true")]
    [InlineData("/api/trade?reporter=CHN&mineral=graphite&flow=X&freq=M&partner=IND&from=2023-01&to=2024-12")]
    [InlineData("/api/trade/partners?reporter=IND&mineral=graphite&flow=M&year=2023&source=mirror")]
    [InlineData("/api/trade/partners?reporter=CHN&mineral=gallium&flow=X&year=2023&month=12")]
    [InlineData("/api/trade/reconciliation?reporter=USA&mineral=lithium&flow=M&year=2023")]
    [InlineData("/api/reserves?mineral=lithium")]
    [InlineData("/api/reserves?mineral=ree&edition=MCS2023&measure=mine-production")]
    [InlineData("/api/reserves?mineral=lithium&edition=MCS2024&country=AUS")]
    [InlineData("/api/reserves/series?mineral=lithium&country=AUS&measure=mine-production")]
    [InlineData("/api/reserves/series?mineral=ree&country=WORLD&measure=reserves&editions=all")]
    [InlineData("/api/salient?mineral=lithium")]
    [InlineData("/api/salient?mineral=graphite&edition=MCS2026")]
    [InlineData("/api/indicators?reporter=IND&year=2023")]
    [InlineData("/api/indicators?reporter=USA&year=2023&mineral=lithium&scenario=india-us-cmpa")]
    [InlineData("/api/indicators?reporter=WORLD&year=2023")]
    [InlineData("/api/sourcing?mineral=lithium&buyer=IND")]
    [InlineData("/api/events/chn-2023-graphite-licensing/impact?reporter=CHN&partner=IND&mineral=graphite&hs=250410&months=6")]
    [InlineData("/api/events/chn-2024-us-ban-gallium-germanium-antimony/impact?reporter=USA&partner=CHN&mineral=gallium&months=24")]
    public async Task Routes_read_single_partitions_only(string url)
    {
        var recorder = await RequestAsync(url);

        Assert.NotEmpty(recorder.Requests);
        foreach (var request in recorder.Requests)
        {
            var path = Uri.UnescapeDataString(request.AbsolutePath);
            var query = Uri.UnescapeDataString(request.Query);
            var pointRead = path.Contains("(PartitionKey='", StringComparison.Ordinal) && path.Contains("RowKey='", StringComparison.Ordinal);
            var partitionQuery = query.Contains("$filter=PartitionKey eq '", StringComparison.Ordinal)
                && !query.Contains(" or ", StringComparison.OrdinalIgnoreCase);
            Assert.True(pointRead || partitionQuery, $"{url} issued a query that is neither a point read nor a single-partition query: {request}");
        }
    }

    /// <summary>
    /// Once the catalog is published, catalog answers (and unknown ids) come from memory, and the trade coverage from the
    /// feed's settings: no table request at all.
    /// </summary>
    [Theory]
    [InlineData("/api/minerals")]
    [InlineData("/api/minerals?lists=IN2023,US2025&counting=element")]
    [InlineData("/api/minerals/lithium")]
    [InlineData("/api/minerals/nope")]
    [InlineData("/api/countries?membership=MSP")]
    [InlineData("/api/countries?membership=MSP&on=2023-01-01")]
    [InlineData("/api/events?mineral=graphite&activeOn=2024-06-01&hs=250410")]
    [InlineData("/api/events/nope/impact?reporter=CHN&partner=IND&mineral=graphite")]
    [InlineData("/api/reserves?mineral=nope")]
    [InlineData("/api/reserves/series?mineral=nope&country=AUS&measure=reserves")]
    [InlineData("/api/salient?mineral=nope")]
    [InlineData("/api/trade/coverage")]
    public async Task Catalog_answers_read_no_table(string url)
    {
        var recorder = await RequestAsync(url);

        Assert.Empty(recorder.Requests);
    }

    private async Task<RequestRecorder> RequestAsync(string url)
    {
        var recorder = new RequestRecorder();
        var settings = TestStorage.Settings(azurite);
        await using var server = await LocalServer.StartAsync(settings, configureServices: services =>
        {
            var options = new TableClientOptions();
            options.AddPolicy(recorder, HttpPipelinePosition.PerCall);
            services.AddSingleton(new TableServiceClient(settings[SettingKeys.StorageConnection], options));
        });
        recorder.Clear();

        using var response = await server.Client.GetAsync(url);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{url}: {response.StatusCode}");
        return recorder;
    }
}
