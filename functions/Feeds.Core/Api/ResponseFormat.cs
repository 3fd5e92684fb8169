namespace Feeds.Core.Api;

/// <summary>The representation a client asked for.</summary>
public enum ResponseFormat
{
    Json,
    Csv,
}
