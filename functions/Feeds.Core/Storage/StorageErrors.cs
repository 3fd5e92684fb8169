using Azure;

namespace Feeds.Core.Storage;

/// <summary>Recognises "storage could not be reached" among the shapes the Azure SDK throws it in.</summary>
public static class StorageErrors
{
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        RequestFailedException rfe => rfe.Status is 0 or >= 500,
        // The SDK's retry policy gives up with an AggregateException of the attempts' failures.
        AggregateException agg => agg.InnerExceptions.Count > 0 && agg.InnerExceptions.All(IsUnavailable),
        HttpRequestException => true,
        _ => false,
    };
}
