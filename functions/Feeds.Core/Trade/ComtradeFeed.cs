using System.Security.Cryptography;
using Feeds.Core.Catalog;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Feeds.Core.Trade;

/// <summary>
/// The trade feed: UN Comtrade data for the configured reporters (annual and monthly, both flows, all partners, the
/// catalog's HS codes) and the mirror flows of the configured countries. Checkpoints are per slice (reporter or mirrored
/// country × HS code × year × frequency) and hold a content hash: an unchanged slice is not rewritten, a slice's
/// checkpoint advances only after its rows are stored, and a failed request's slices run again next time — first,
/// since calls are planned least recently stored first. Every record read ends stored, unchanged, superseded or
/// quarantined. Transient faults are the resilience pipeline's (retries honouring Retry-After); a circuit opened by a
/// sustained outage is waited out within the run's budget rather than failing every call left.
/// </summary>
public sealed class ComtradeFeed(
    ComtradeClient client,
    CatalogService catalogService,
    FeedTables tables,
    FeedCheckpointStore checkpoints,
    QuarantineStore quarantine,
    IOptions<ComtradeOptions> options,
    TimeProvider time,
    ILogger<ComtradeFeed> logger) : IFeedRunner
{
    public const string FeedName = "comtrade";

    public string Name => FeedName;

    public TimeSpan MaxAge => TimeSpan.FromDays(2);

    public IReadOnlyList<string> RequestFields => ["from", "to", "reporters"];

    public async Task<FeedRunOutcome> RunAsync(FeedRunContext context, CancellationToken cancellationToken)
    {
        var stored = await checkpoints.GetAllHashesAsync(FeedName, cancellationToken).ConfigureAwait(false);
        var plan = Plan(options.Value, stored);
        var hashes = stored.ToDictionary(s => s.Key, s => s.Value.Hash, StringComparer.Ordinal);
        return await ProcessAsync(plan, hashes, FeedRunTally.For(context), context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reporters of a backfill must be countries the catalog gives a Comtrade code, and its years must make a range.</summary>
    public IEnumerable<(string Field, string Problem)> Check(FeedRunRequest request)
    {
        var catalog = catalogService.Current;
        foreach (var problem in request.Unsupported(FeedName, RequestFields))
        {
            yield return problem;
        }

        foreach (var reporter in (request.Reporters ?? []).Where(r => catalog.Country(r)?.ComtradeCode is null))
        {
            yield return ("reporters", $"'{reporter}' has no Comtrade code in the catalog.");
        }

        string? years = null;
        try
        {
            options.Value.Scoped(request).Years(time.GetUtcNow());
        }
        catch (InvalidOperationException ex)
        {
            years = ex.Message;
        }

        if (years is not null)
        {
            yield return (request.From is not null ? "from" : "to", years);
        }
    }

    /// <summary>One slice per planned call (reporter or mirrored country × HS batch × years × frequency), stalest first.</summary>
    public async Task<IReadOnlyList<FeedSlice>> PlanAsync(FeedRunRequest request, CancellationToken cancellationToken)
    {
        var stored = await checkpoints.GetAllHashesAsync(FeedName, cancellationToken).ConfigureAwait(false);
        return [.. Plan(options.Value.Scoped(request), stored).Select(r => new FeedSlice(r.Describe(), JsonSerializer.Serialize(r)))];
    }

    /// <summary>One planned call (split further if its response reaches the record cap), within <see cref="ComtradeOptions.RunBudget"/>.</summary>
    public async Task<FeedRunOutcome> RunSliceAsync(FeedSlice slice, FeedRunContext context, CancellationToken cancellationToken)
    {
        var request = JsonSerializer.Deserialize<ComtradeRequest>(slice.Payload)
            ?? throw new InvalidOperationException($"'{slice.Payload}' is not a Comtrade request.");
        var keys = request.Slices.Select(s => s.Key).ToList();
        var stored = await Task.WhenAll(keys.Select(k => checkpoints.GetHashAsync(FeedName, k, cancellationToken))).ConfigureAwait(false);
        var hashes = keys.Zip(stored).Where(p => p.Second is not null).ToDictionary(p => p.First, p => p.Second!, StringComparer.Ordinal);
        return await ProcessAsync([request], hashes, FeedRunTally.For(context), context, cancellationToken).ConfigureAwait(false);
    }

    private IReadOnlyList<ComtradeRequest> Plan(ComtradeOptions o, IReadOnlyDictionary<string, StoredSlice> stored)
    {
        var (reporters, mirrors, codes) = ComtradePlanner.Scope(catalogService.Current, o);
        var now = time.GetUtcNow();
        var (from, to) = o.Years(now);
        return ComtradePlanner.OldestFirst(
            ComtradePlanner.Plan(reporters, mirrors, codes, o.FrequencyList, [.. Enumerable.Range(from, to - from + 1)], o.Months(now)), stored);
    }

    /// <summary>
    /// Calls the planned requests in order (a capped response's halves go next) and stores their slices, until the
    /// list is done, the budget is used or the quota is: the whole run's loop, and one slice's with a list of one.
    /// </summary>
    private async Task<FeedRunOutcome> ProcessAsync(
        IReadOnlyList<ComtradeRequest> plan, Dictionary<string, string> hashes, FeedRunTally run, FeedRunContext context, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var catalog = catalogService.Current;
        var normalizer = new ComtradeNormalizer(catalog);
        var o = options.Value;
        var queue = new LinkedList<ComtradeRequest>(plan);
        var mineralsByCode = catalog.HsCodes.GroupBy(h => h.Code)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.SelectMany(h => h.Minerals).Distinct()], StringComparer.Ordinal);
        var calls = 0;

        while (queue.First is { } node)
        {
            if (time.GetElapsedTime(started) >= o.RunBudget)
            {
                logger.LogWarning("Comtrade run {RunId} used its budget of {Budget}; {Remaining} calls left run first next time", context.RunId, o.RunBudget, queue.Count);
                Fail(run, queue.SelectMany(r => r.Slices), $"not attempted: the run budget ({o.RunBudget}) was used up");
                break;
            }

            queue.RemoveFirst();
            var request = node.Value;
            ComtradeFetch fetch;
            try
            {
                calls++;
                fetch = await client.FetchAsync(request, normalizer, cancellationToken).ConfigureAwait(false);
            }
            catch (ComtradeException ex) when (ex.QuotaExhausted)
            {
                logger.LogWarning("Comtrade quota exhausted: {Message}; {Remaining} requests left for the next run", ex.Message, queue.Count + 1);
                Fail(run, request.Slices, ex.Message);
                Fail(run, queue.SelectMany(r => r.Slices), "not attempted: call quota exhausted");
                break;
            }
            catch (BrokenCircuitException ex)
            {
                // A sustained outage opened the circuit: wait for the break to end (within the budget) and try the call again.
                var wait = ex.RetryAfter ?? TimeSpan.FromSeconds(5);
                var left = o.RunBudget - time.GetElapsedTime(started);
                logger.LogWarning("Comtrade circuit open; waiting {Wait} before calling again ({Left} of the run budget left)", wait, left);
                queue.AddFirst(request);
                await Task.Delay(wait < left ? wait : left, time, cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (Exception ex) when (ex is ComtradeException or HttpRequestException or TimeoutRejectedException)
            {
                logger.LogWarning(ex, "Comtrade request failed; its slices run again next time");
                Fail(run, request.Slices, ex.Message);
                continue;
            }

            if (fetch.Capped)
            {
                if (request.Split() is { } parts)
                {
                    foreach (var part in parts.Reverse())
                    {
                        queue.AddFirst(part);
                    }
                }
                else
                {
                    Fail(run, request.Slices, $"one slice reaches the record cap of {client.RecordCap} ({fetch.Url}); a subscription key lifts it");
                }

                continue;
            }

            await StoreAsync(request, fetch.Normalized, hashes, mineralsByCode, run, context, cancellationToken).ConfigureAwait(false);
            context.Progress?.Report(
                $"call {calls}: {request.Describe()} → {fetch.Records} records");
        }

        logger.LogInformation("Comtrade run {RunId}: {Calls} calls, {Stored} slices stored, {Unchanged} unchanged, {Failed} failed",
            context.RunId, calls, run.SlicesStored, run.SlicesUnchanged, run.FailedCount);
        return run.ToOutcome();
    }

    private async Task StoreAsync(
        ComtradeRequest request, IReadOnlyList<NormalizedRecord> records, Dictionary<string, string> hashes,
        Dictionary<string, IReadOnlyList<string>> mineralsByCode, FeedRunTally run, FeedRunContext context, CancellationToken cancellationToken)
    {
        var rejected = records.Where(r => r.QuarantineReason is not null).ToList();
        if (rejected.Count > 0)
        {
            await quarantine.AddAsync(FeedName, context.RunId,
                [.. rejected.Select(r => new QuarantinedRecord("UN Comtrade", $"{request.Reporter} {string.Join(',', request.Codes)}", r.QuarantineReason!, r.Raw ?? ""))],
                run.QuarantineSequence, cancellationToken).ConfigureAwait(false);
            run.QuarantineSequence += rejected.Count;
            run.Add(new RecordCounts(rejected.Count, 0, 0, 0, rejected.Count));
        }

        var bySlice = records.Where(r => r.Slice is not null).ToLookup(r => r.Slice!.Key);
        foreach (var slice in request.Slices)
        {
            var sliceRecords = bySlice[slice.Key].ToList();
            var rows = sliceRecords.SelectMany(r => r.Rows).OrderBy(r => r.PartitionKey, StringComparer.Ordinal).ThenBy(r => r.RowKey, StringComparer.Ordinal).ToList();
            var storing = sliceRecords.Count(r => r.Rows.Count > 0);
            var superseded = sliceRecords.Count - storing;
            var hash = Hash(rows);

            if (!context.Force && hashes.TryGetValue(slice.Key, out var previous) && previous == hash)
            {
                run.Add(new RecordCounts(sliceRecords.Count, 0, storing, superseded, 0));
                run.SlicesUnchanged++;
                continue;
            }

            var retrievedAt = time.GetUtcNow();
            var table = tables.Get(FeedTables.TradeFlows);
            run.EntitiesWritten += await TableBatchWriter.UpsertReplaceAsync(
                table, [.. rows.Select(r => TradeEntities.ToEntity(r, context.RunId, retrievedAt))], cancellationToken).ConfigureAwait(false);
            run.EntitiesDeleted += await DeleteStaleAsync(table, slice, rows, mineralsByCode[slice.Hs6], cancellationToken).ConfigureAwait(false);

            // Only now that the slice's rows are stored does its checkpoint advance.
            await checkpoints.SetHashAsync(FeedName, slice.Key, hash, context.RunId, cancellationToken).ConfigureAwait(false);
            hashes[slice.Key] = hash;
            run.Add(new RecordCounts(sliceRecords.Count, storing, 0, superseded, 0));
            run.SlicesStored++;
            run.Stored(slice.Key);
        }
    }

    /// <summary>
    /// Removes rows of this slice that the source no longer sends (a revision dropped a partner): only within the
    /// slice's own RowKey range, so annual and monthly rows of one year, and months outside the request, are left alone.
    /// </summary>
    private static Task<int> DeleteStaleAsync(
        TableClient table, ComtradeSlice slice, IReadOnlyList<TradeRow> rows, IReadOnlyList<string> minerals, CancellationToken cancellationToken)
    {
        var (low, high) = slice.RowKeyRange;
        var filters = minerals.Select(mineral => TableClient.CreateQueryFilter(
            $"PartitionKey eq {TradeRow.PartitionOf(slice.Reporter, mineral, slice.Mirror)} and RowKey ge {low} and RowKey lt {high} and Hs6 eq {slice.Hs6}"));
        return TableBatchWriter.DeleteMissingAsync(table, filters, rows.Select(r => (r.PartitionKey, r.RowKey)).ToHashSet(), cancellationToken);
    }

    private static string Hash(IReadOnlyList<TradeRow> rows)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var row in rows)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(row.Canonical()));
            hash.AppendData("\n"u8);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Fail(FeedRunTally run, IEnumerable<ComtradeSlice> slices, string reason)
    {
        foreach (var slice in slices)
        {
            run.Fail(slice.Key, reason);
        }
    }
}
