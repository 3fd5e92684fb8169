using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Feeds.Functions.Triggers;

/// <summary>
/// Lets an HTTP function return the shared handlers' <see cref="IResult"/> through the ASP.NET Core integration,
/// which executes <see cref="IActionResult"/> return values.
/// </summary>
public sealed class ResultActionResult(IResult result) : IActionResult
{
    public IResult Result { get; } = result;

    public Task ExecuteResultAsync(ActionContext context) => Result.ExecuteAsync(context.HttpContext);
}
