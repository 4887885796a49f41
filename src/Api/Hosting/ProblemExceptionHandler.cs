using Herald.Api.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Herald.Api.Hosting;

/// <summary>
/// The one place where a failure that escaped a route becomes an answer: a request the server could not read (a
/// malformed chunk, a chunk size too large to count, a body that arrives too slowly) is the client's 4xx, logged at Information; an outage or an
/// overload is 503 with <c>Retry-After</c> (<see cref="Unavailability"/>), logged as a warning; anything else is a bug,
/// 500, logged as an error.
/// </summary>
public sealed partial class ProblemExceptionHandler(IOptions<ApiOptions> options, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    // The status proxies log for a request its client abandoned; never sent, as there is no one to send it to.
    private const int ClientClosedRequest = 499;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && http.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nobody reads an answer, and it is no fault of Herald's.
            LogAbandoned(logger, $"{http.Request.Method} {http.Request.Path}");
            http.Response.StatusCode = ClientClosedRequest;
            return true;
        }
        var problem = Answer(http, exception);
        await problem.ExecuteAsync(http);
        return true;
    }

    private IResult Answer(HttpContext http, Exception exception)
    {
        var route = $"{http.Request.Method} {http.Request.Path}";
        if (UnreadableStatus(exception) is { } status)
        {
            LogUnreadable(logger, route, status, exception.Message);
            return status == StatusCodes.Status408RequestTimeout
                ? Problems.Status(status, "The request took too long to arrive", exception.Message)
                : Problems.Status(status, "The request could not be read", exception.Message);
        }
        if (Unavailability.CodeOf(exception) is { } code)
        {
            LogUnavailable(logger, route, code, exception.GetType().Name, exception.Message);
            var detail = code switch
            {
                ProblemCodes.DatabaseUnavailable => "Herald's database cannot be reached; nothing of this request was accepted.",
                ProblemCodes.Overloaded => "Herald's database is not keeping up with the requests; nothing of this request was accepted.",
                _ => "Herald's cluster cannot be reached; nothing of this request was accepted.",
            };
            return Problems.RetryLater(http, StatusCodes.Status503ServiceUnavailable, code, "Service unavailable",
                $"{detail} Send it again after Retry-After.", options.Value.UnavailableRetryAfter);
        }
        LogFailed(logger, route, exception);
        return Problems.Status(StatusCodes.Status500InternalServerError, "Internal error",
            $"The request failed unexpectedly (trace {http.TraceIdentifier}); it is a bug in Herald.");
    }

    /// <summary>The client's status for a request the server could not read; null for any other failure.</summary>
    private static int? UnreadableStatus(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        // Kestrel's one read failure that is not a BadHttpRequestException: a chunk size past 64 bits.
        IOException { InnerException: OverflowException } => StatusCodes.Status400BadRequest,
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "{Route}: the request could not be read ({Status}: {Reason})")]
    private static partial void LogUnreadable(ILogger logger, string route, int status, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Route}: the client closed the request before it was answered")]
    private static partial void LogAbandoned(ILogger logger, string route);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Route}: answered 503 {Code} ({Exception}: {Reason})")]
    private static partial void LogUnavailable(ILogger logger, string route, string code, string exception, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Route}: the request failed unexpectedly")]
    private static partial void LogFailed(ILogger logger, string route, Exception exception);
}
