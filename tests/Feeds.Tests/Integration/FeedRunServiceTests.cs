using Feeds.Core.Pipeline;
using Feeds.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Feeds.Tests.Integration;

/// <summary>
/// The run service's seams, with Moq where a seam is the honest tool: a feed runner that throws, an observer that
/// must be told once per finished run. Storage stays real (Azurite).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FeedRunServiceTests(AzuriteFixture azurite)
{
    private static Mock<IFeedRunner> Runner(string name, Func<FeedRunContext, Task<FeedRunOutcome>> run)
    {
        var runner = new Mock<IFeedRunner>();
        runner.SetupGet(r => r.Name).Returns(name);
        runner.SetupGet(r => r.MaxAge).Returns(TimeSpan.FromDays(1));
        runner.Setup(r => r.RunAsync(It.IsAny<FeedRunContext>(), It.IsAny<CancellationToken>())).Returns((FeedRunContext c, CancellationToken _) => run(c));
        return runner;
    }

    [Fact]
    public async Task Every_observer_is_told_once_per_finished_run_with_its_final_status()
    {
        var observer = new Mock<IFeedRunObserver>();
        var runner = Runner("probe", _ => Task.FromResult(new FeedRunOutcome(new RecordCounts(3, 3, 0, 0, 0), 3, 0, 1, 0, [])));
        await using var services = await TestStorage.CreateAsync(azurite, s =>
        {
            s.AddSingleton(runner.Object);
            s.AddSingleton(observer.Object);
        });

        var run = await services.GetRequiredService<FeedRunService>().RunAsync("probe", "test", false, null, CancellationToken.None);

        observer.Verify(o => o.OnRunFinishedAsync(It.Is<FeedRunRecord>(r => r.RunId == run.RunId && r.Status == FeedRunStatus.Succeeded), It.IsAny<CancellationToken>()), Times.Once);
        observer.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_runner_that_throws_is_recorded_as_failed_and_an_observer_that_throws_changes_nothing()
    {
        var observer = new Mock<IFeedRunObserver>();
        observer.Setup(o => o.OnRunFinishedAsync(It.IsAny<FeedRunRecord>(), It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("observer broke"));
        var runner = Runner("probe", _ => throw new HttpRequestException("source down"));
        await using var services = await TestStorage.CreateAsync(azurite, s =>
        {
            s.AddSingleton(runner.Object);
            s.AddSingleton(observer.Object);
        });

        var run = await services.GetRequiredService<FeedRunService>().RunAsync("probe", "test", false, null, CancellationToken.None);

        Assert.Equal(FeedRunStatus.Failed, run.Status);
        Assert.Equal("source down", run.Error);
        var stored = Assert.Single(await services.GetRequiredService<FeedRunStore>().LatestAsync("probe", 5, CancellationToken.None));
        Assert.Equal((run.RunId, FeedRunStatus.Failed), (stored.RunId, stored.Status));
        observer.Verify(o => o.OnRunFinishedAsync(It.Is<FeedRunRecord>(r => r.Status == FeedRunStatus.Failed), It.IsAny<CancellationToken>()), Times.Once);
    }
}
