namespace Feeds.Benchmarks;

/// <summary>One measured ratio against its baseline from the same run, and the target it is held to.</summary>
public sealed record BenchmarkResult(string Name, double Measured, double Baseline, string Unit, double Ratio, string Target, bool Met);
