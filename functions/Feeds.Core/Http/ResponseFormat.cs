namespace Feeds.Core.Http;

/// <summary>The representation a client asked for.</summary>
public enum ResponseFormat
{
    Json,
    Csv,
}
