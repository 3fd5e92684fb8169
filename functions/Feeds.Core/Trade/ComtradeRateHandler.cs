namespace Feeds.Core.Trade;

/// <summary>
/// Paces every attempt to Comtrade (retries included: it sits inside the resilience pipeline) through the rate shared
/// by all instances and workers (<see cref="SharedRateGate"/>), so scaling out never calls faster than
/// <c>Feeds:Comtrade:RequestsPerSecond</c>.
/// </summary>
public sealed class ComtradeRateHandler(SharedRateGate gate, IOptions<ComtradeOptions> options) : DelegatingHandler
{
    public const string Source = "comtrade";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(Source, options.Value.RequestsPerSecond, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
