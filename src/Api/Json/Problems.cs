using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Api.Json;

/// <summary>
/// RFC 9457 problem details for every error the API answers, each with its stable <c>code</c> (<see cref="ProblemCodes"/>).
/// Routes return these; the exception handler, the rate limiters and the authentication filter execute the same ones,
/// so there is one way a problem is written.
/// </summary>
public static class Problems
{
    public const string CodeField = "code";

    /// <param name="code">The problem's code; null takes the general one of <paramref name="status"/>.</param>
    public static ProblemHttpResult Status(int status, string title, string? detail = null, string? code = null) =>
        TypedResults.Problem(WithCode(new ProblemDetails { Status = status, Title = title, Detail = detail }, code));

    public static ProblemHttpResult NotFound(string what) => Status(StatusCodes.Status404NotFound, "Not found", $"{what} does not exist.");

    /// <summary>
    /// 400 for a body that is not JSON, not UTF-8, or not of this route's shape. <paramref name="jsonPath"/> (<c>$.retry.base</c>,
    /// <c>$</c> for the body as a whole) is named in <c>errors</c> as the 422s name fields (<c>retry.base</c>), and in the detail as is.
    /// </summary>
    public static ProblemHttpResult InvalidJson(string title, string jsonPath, string message)
    {
        var field = jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath;
        return WithFields(StatusCodes.Status400BadRequest, title, new Dictionary<string, string[]> { [field] = [message] }, ProblemCodes.InvalidJson,
            jsonPath == "$" ? message : $"At {jsonPath}: {message}");
    }

    /// <summary>400 naming a query parameter (or header) whose value is not one the route reads.</summary>
    public static ProblemHttpResult InvalidParameter(string name, string message) =>
        WithFields(StatusCodes.Status400BadRequest, "A request parameter is not valid", new Dictionary<string, string[]> { [name] = [message] },
            ProblemCodes.InvalidParameter);

    /// <summary>422 naming each field that is wrong (JSON paths such as <c>retry.schedule[1]</c>).</summary>
    /// <param name="code">The problem's code: <see cref="ProblemCodes.ValidationFailed"/> unless a limit was reached.</param>
    public static ProblemHttpResult Invalid(IDictionary<string, string[]> errors, string code = ProblemCodes.ValidationFailed) =>
        WithFields(StatusCodes.Status422UnprocessableEntity, "The request has invalid fields", errors, code);

    /// <summary>
    /// A refusal the client should send again later (429, 503): <c>Retry-After</c> in whole seconds, at least one.
    /// </summary>
    public static ProblemHttpResult RetryLater(HttpContext http, int status, string code, string title, string detail, TimeSpan after)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(after.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Status(status, title, detail, code);
    }

    /// <summary>Gives a problem written by the framework (status code pages, a 405) the code of its status, unless it has one.</summary>
    public static void AddCode(ProblemDetailsContext context) =>
        WithCode(context.ProblemDetails, null, context.HttpContext.Response.StatusCode);

    /// <summary>A problem with an <c>errors</c> object naming, by field or parameter, what each is refused for.</summary>
    /// <param name="detail">The detail; null lists the errors.</param>
    public static ProblemHttpResult WithFields(int status, string title, IDictionary<string, string[]> errors, string code, string? detail = null) =>
        TypedResults.Problem(WithCode(new HttpValidationProblemDetails(errors)
        {
            Status = status,
            Title = title,
            Detail = detail ?? string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
        }, code));

    private static ProblemDetails WithCode(ProblemDetails problem, string? code, int fallbackStatus = StatusCodes.Status500InternalServerError)
    {
        problem.Extensions.TryAdd(CodeField, code ?? ProblemCodes.ForStatus(problem.Status ?? fallbackStatus));
        return problem;
    }
}
