namespace Feeds.Core.Trade;

/// <summary>A Comtrade call that failed in a way retrying now will not fix (bad key, HTML page, truncated body, quota).</summary>
public sealed class ComtradeException(string message, bool quotaExhausted = false, Exception? inner = null, bool configuration = false)
    : Exception(message, inner), Pipeline.ICategorizedError
{
    /// <summary>The deployment's settings are at fault (an unresolved Key Vault reference, a key for an unlisted host), not Comtrade.</summary>
    public bool Configuration { get; } = configuration;

    /// <summary>The daily call quota is used up (403 from Comtrade, or this deployment's own guard): end the run cleanly.</summary>
    public bool QuotaExhausted { get; } = quotaExhausted;

    public string ErrorCategory => Configuration ? Pipeline.FeedErrors.Configuration : Pipeline.FeedErrors.Source;
}
