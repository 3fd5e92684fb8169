using Azure.Core;
using Azure.Core.Pipeline;

namespace Feeds.Tests.Support;

/// <summary>An Azure SDK pipeline policy that records every request URI, to assert what queries the code issues.</summary>
public sealed class RequestRecorder : HttpPipelineSynchronousPolicy
{
    private readonly List<Uri> _requests = [];

    public IReadOnlyList<Uri> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public void Clear()
    {
        lock (_requests)
        {
            _requests.Clear();
        }
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        lock (_requests)
        {
            _requests.Add(message.Request.Uri.ToUri());
        }
    }
}
