using System.Text;
using Feeds.Core.Trade;
using Feeds.Tests.Support;

namespace Feeds.Tests.Unit.Comtrade;

public sealed class ComtradeResponseReaderTests
{
    [Fact]
    public async Task Reads_the_real_preview_response_by_field_name()
    {
        var (envelope, records) = await RecordedComtrade.ReadFileAsync("preview-C-A-HS-usa-jpn-2023-total.json");

        Assert.Equal(2, envelope.DeclaredCount);
        Assert.Equal(2, records.Count);
        var imports = records.Single(r => r.FlowCode == "M");
        Assert.Equal(842, imports.ReporterCode);
        Assert.Equal(392, imports.PartnerCode);
        Assert.Equal(151580564290d, imports.PrimaryValue);
        Assert.Equal(151580564290d, imports.CifValue);
        Assert.Null(imports.FobValue);
        Assert.Equal(0d, imports.NetWgt);
        Assert.True(imports.IsNetWgtEstimated);
        var exports = records.Single(r => r.FlowCode == "X");
        Assert.Equal(76154045176d, exports.FobValue);
        Assert.Null(exports.CifValue);
    }

    [Fact]
    public async Task Reads_the_real_keyed_response_with_float_values_and_null_weights()
    {
        var (envelope, records) = await RecordedComtrade.ReadFileAsync("get-C-A-HS-chn-2010-total.json");

        Assert.Equal(4, records.Count);
        Assert.Equal(envelope.DeclaredCount, records.Count);
        var argentina = records.Single(r => r.PartnerCode == 32 && r.FlowCode == "M");
        Assert.Equal(6804128143d, argentina.PrimaryValue);
        Assert.Null(argentina.NetWgt);
        Assert.Equal("H3", argentina.ClassificationCode);
        Assert.Equal(2010, argentina.RefYear);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task Any_buffer_boundary_gives_the_same_records(int chunk)
    {
        var bytes = File.ReadAllBytes(RecordedComtrade.Path("real.json"));
        var whole = await RawRecordsAsync(new MemoryStream(bytes));
        var trickled = await RawRecordsAsync(new TrickleStream(bytes, chunk));

        Assert.Equal(whole.Count, trickled.Count);
        Assert.Equal(whole, trickled);
        Assert.True(whole.Count > 100);
    }

    /// <summary>Each record as parsed and the JSON the reader handed over with it.</summary>
    private static async Task<List<(ComtradeRecord Record, string Json)>> RawRecordsAsync(Stream stream)
    {
        var records = new List<(ComtradeRecord, string)>();
        await ComtradeResponseReader.ReadAsync(stream, new HashSet<int>(), (record, json) => records.Add((record, json.GetRawText())), CancellationToken.None);
        return records;
    }

    [Fact]
    public async Task Field_order_and_int_or_float_numbers_do_not_matter()
    {
        const string json = """
            {"error":"","data":[{"primaryValue":12.5e3,"cmdCode":"283691","refYear":2023.0,"flowCode":"M","reporterCode":699,"partnerCode":156,
              "netWgt":null,"freqCode":"A","classificationCode":"H6","isOriginalClassification":true,"period":"2023"}],"count":1,"elapsedTime":"x"}
            """;
        var (_, records) = await RecordedComtrade.ReadAsync(RecordedComtrade.Json(json));

        var r = Assert.Single(records);
        Assert.Equal(12500d, r.PrimaryValue);
        Assert.Equal(2023, r.RefYear);
        Assert.Equal(699, r.ReporterCode);
        Assert.Null(r.NetWgt);
    }

    [Fact]
    public async Task Sample_indexes_mark_records_by_position()
    {
        var (_, records) = await RecordedComtrade.ReadAsync(
            new MemoryStream(File.ReadAllBytes(RecordedComtrade.Path("preview-C-A-HS-usa-jpn-2023-total.json"))), new HashSet<int> { 1 });

        Assert.False(records[0].IsSample);
        Assert.True(records[1].IsSample);
    }

    [Fact]
    public async Task A_truncated_body_fails_clearly()
    {
        var bytes = File.ReadAllBytes(RecordedComtrade.Path("real.json"));
        var cut = bytes[..(bytes.Length / 2)];

        var error = await Assert.ThrowsAsync<ComtradeException>(() => RecordedComtrade.ReadAsync(new MemoryStream(cut)));
        Assert.Contains("complete", error.Message);
    }

    [Fact]
    public async Task An_html_page_fails_clearly()
    {
        var error = await Assert.ThrowsAsync<ComtradeException>(() =>
            RecordedComtrade.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes("<html><body>Service Unavailable</body></html>"))));
        Assert.Contains("JSON", error.Message);
    }
}
