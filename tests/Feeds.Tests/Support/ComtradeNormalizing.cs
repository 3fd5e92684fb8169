using Feeds.Core.Trade;

namespace Feeds.Tests.Support;

/// <summary>Normalizes records already in hand, as the client does while it reads (their JSON is not kept, so a quarantined one carries no raw text).</summary>
public static class ComtradeNormalizing
{
    public static IReadOnlyList<NormalizedRecord> Normalize(this ComtradeNormalizer normalizer, IEnumerable<ComtradeRecord> records, ComtradeRequest request)
    {
        var response = normalizer.Start(request);
        foreach (var record in records)
        {
            response.Add(record, null);
        }

        return response.Results;
    }
}
