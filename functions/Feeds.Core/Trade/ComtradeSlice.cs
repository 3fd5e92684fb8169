namespace Feeds.Core.Trade;

/// <summary>
/// The unit of checkpointing: one reporter, one HS code, one year, independent of how requests were batched.
/// </summary>
public sealed record ComtradeSlice(string Reporter, string Hs6, int Year)
{
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Reporter}-{Hs6}-{Year:D4}");
}
