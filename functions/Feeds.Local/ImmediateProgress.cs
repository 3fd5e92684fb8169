namespace Feeds.Local;

/// <summary>Reports on the caller's thread, so progress lines print in order (<see cref="Progress{T}"/> posts them to the thread pool).</summary>
public sealed class ImmediateProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
