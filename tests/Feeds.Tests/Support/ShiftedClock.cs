namespace Feeds.Tests.Support;

/// <summary>
/// The real clock moved to another moment: "now" starts at <c>start</c> and runs at real speed, and timers and delays
/// are real. For a whole feed run at a chosen date, where a frozen <c>FakeTimeProvider</c> would stop every paced
/// call (the shared rate gate waits on the clock it is given) for ever.
/// </summary>
public sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
{
    private readonly TimeSpan _offset = start - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
}
