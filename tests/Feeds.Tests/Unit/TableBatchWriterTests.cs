using Azure.Data.Tables;
using Feeds.Core.Storage;

namespace Feeds.Tests.Unit;

public sealed class TableBatchWriterTests
{
    [Fact]
    public void Batches_hold_one_partition_and_at_most_100_entities()
    {
        var entities = Enumerable.Range(0, 250).Select(i => new TableEntity($"p{i % 3}", $"r{i:D4}")).ToList();

        var batches = TableBatchWriter.Plan(entities).ToList();

        Assert.All(batches, b => Assert.Single(b.Select(e => e.PartitionKey).Distinct()));
        Assert.All(batches, b => Assert.InRange(b.Count, 1, 100));
        Assert.Equal(250, batches.Sum(b => b.Count));
        Assert.Equal(entities.Select(e => e.RowKey).Order(), batches.SelectMany(b => b).Select(e => e.RowKey).Order());
    }

    [Fact]
    public void Large_entities_split_by_payload_size()
    {
        var big = new string('x', 30_000);
        var entities = Enumerable.Range(0, 100).Select(i => new TableEntity("p", $"r{i:D3}") { ["Text"] = big }).ToList();

        var batches = TableBatchWriter.Plan(entities).ToList();

        Assert.True(batches.Count > 1);
        Assert.All(batches, b => Assert.True(b.Sum(TableBatchWriter.EstimateBytes) <= TableBatchWriter.MaxPayloadBytes));
    }

    [Fact]
    public void The_same_key_twice_never_shares_a_transaction()
    {
        var entities = new[] { new TableEntity("p", "a"), new TableEntity("p", "b"), new TableEntity("p", "a") };

        var batches = TableBatchWriter.Plan(entities).ToList();

        Assert.All(batches, b => Assert.Equal(b.Count, b.Select(e => e.RowKey).Distinct().Count()));
        Assert.Equal(3, batches.Sum(b => b.Count));
    }

    [Theory]
    [InlineData("ok-key", true)]
    [InlineData("has/slash", false)]
    [InlineData("has#hash", false)]
    [InlineData("has?mark", false)]
    [InlineData("back\\slash", false)]
    [InlineData("tab\tchar", false)]
    [InlineData("", false)]
    public void Key_rules(string key, bool valid) => Assert.Equal(valid, TableKeys.IsValid(key));

    [Fact]
    public void Inverted_ticks_sort_latest_first()
    {
        var earlier = TableKeys.InvertedTicks(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var later = TableKeys.InvertedTicks(new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero));
        Assert.True(string.CompareOrdinal(later, earlier) < 0);
        Assert.Equal(19, later.Length);
    }
}
