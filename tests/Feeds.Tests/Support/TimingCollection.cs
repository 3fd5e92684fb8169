namespace Feeds.Tests.Support;

/// <summary>
/// Tests that time calls at a stand-in (the shared rate gate across queue workers): xUnit runs this collection after
/// every parallel one, alone, so other tests' load on the cores cannot hold one call back past the gate's jitter margin
/// (CI saw 9 calls in a second at 8 per second while parser and process tests ran beside it). Its own Azurite.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite, timed alone";
}
