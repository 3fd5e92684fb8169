using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Feeds.Tests.Support;

/// <summary>
/// The transient fault mix an operator measured against the first wave, as a stand-in script: the first attempt at
/// about a third of the URLs answers 500, another third 429 (half with Retry-After, half with only the body text the
/// real API sends), and a tenth hangs past the attempt timeout. Which URL gets which fault follows from the seed;
/// every later attempt at a URL is answered normally.
/// </summary>
public sealed class ComtradeFaultMix(int seed)
{
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);

    private int _serverErrors, _rateLimited, _hung;

    public int ServerErrors => _serverErrors;
    public int RateLimited => _rateLimited;
    public int Hung => _hung;

    public enum Fault
    {
        None,
        ServerError,
        RetryAfter,
        BodyText,
        Hang,
    }

    /// <summary>The fault of a URL's first attempt: a stable hash of seed and URL picks it.</summary>
    public Fault For(string url)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{seed}|{url}"));
        var bucket = (int)(BitConverter.ToUInt32(hash, 0) % 100);
        return bucket switch
        {
            < 33 => Fault.ServerError,
            < 50 => Fault.RetryAfter,
            < 66 => Fault.BodyText,
            < 76 => Fault.Hang,
            _ => Fault.None,
        };
    }

    public async Task<bool> AnswerAsync(HttpContext context)
    {
        var url = context.Request.Path + context.Request.QueryString;
        if (_attempts.AddOrUpdate(url, 1, (_, n) => n + 1) > 1)
        {
            return false;
        }

        var response = context.Response;
        switch (For(url))
        {
            case Fault.ServerError:
                Interlocked.Increment(ref _serverErrors);
                response.StatusCode = 500;
                await response.WriteAsync("Internal server error", context.RequestAborted);
                return true;
            case Fault.RetryAfter:
                Interlocked.Increment(ref _rateLimited);
                response.StatusCode = 429;
                response.Headers.RetryAfter = "1";
                response.ContentType = "application/json";
                await response.WriteAsync("{ \"statusCode\": 429, \"message\": \"Rate limit is exceeded.\" }", context.RequestAborted);
                return true;
            case Fault.BodyText:
                Interlocked.Increment(ref _rateLimited);
                response.StatusCode = 429;
                response.ContentType = "application/json";
                await response.WriteAsync("{ \"statusCode\": 429, \"message\": \"Rate limit is exceeded. Try again in 1 seconds.\" }", context.RequestAborted);
                return true;
            case Fault.Hang:
                Interlocked.Increment(ref _hung);
                await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return true;
            default:
                return false;
        }
    }
}
