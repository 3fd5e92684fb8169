namespace Feeds.Core.Http;

/// <summary>
/// A request the API answers with a problem (RFC 9457) instead of data: a bad parameter or body field (400, naming
/// it), an unknown id (404), storage unavailable (503). Thrown inside a handler and turned into a response by <see cref="ApiHandler"/>.
/// </summary>
public sealed class ApiException(int status, string problemType, string title, string detail, string? parameter = null)
    : Exception(detail)
{
    public int Status { get; } = status;
    public string ProblemType { get; } = problemType;
    public string Title { get; } = title;
    public string? Parameter { get; } = parameter;

    public static ApiException BadParameter(string parameter, string detail) =>
        new(400, "invalid-parameter", $"Invalid query parameter '{parameter}'", detail, parameter);

    /// <summary>A field of a request body (JSON) that is malformed or not allowed; the problem names it.</summary>
    public static ApiException BadField(string field, string detail) =>
        new(400, "invalid-body", $"Invalid field '{field}'", detail, field);

    public static ApiException NotFound(string what, string detail) =>
        new(404, "not-found", $"Unknown {what}", detail);
}
