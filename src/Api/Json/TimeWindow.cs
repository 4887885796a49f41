using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Api.Json;

/// <summary>
/// A list's time filters: <c>since</c> (inclusive) and <c>until</c> (exclusive), RFC 3339 times with an offset
/// (<c>2026-11-23T10:00:00Z</c>, <c>2026-11-23T11:00:00.5+01:00</c>). A value that is not one, a repeated one, or an
/// until not after since is a 400 naming the parameter.
/// </summary>
public sealed record TimeWindow(DateTimeOffset? Since, DateTimeOffset? Until)
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd't'HH:mm:ss.FFFFFFFK",
    ];

    public static (TimeWindow? Window, ProblemHttpResult? Problem) Read(HttpRequest request)
    {
        var (since, sinceProblem) = ReadTime(request, "since");
        if (sinceProblem is not null)
        {
            return (null, sinceProblem);
        }
        var (until, untilProblem) = ReadTime(request, "until");
        if (untilProblem is not null)
        {
            return (null, untilProblem);
        }
        if (since is not null && until is not null && until <= since)
        {
            return (null, Problems.InvalidParameter("until", "Give a time after since (until is exclusive)."));
        }
        return (new TimeWindow(since, until), null);
    }

    /// <summary>An RFC 3339 time with its offset (<c>Z</c> or <c>±hh:mm</c>), in UTC; null when it is not one.</summary>
    public static DateTimeOffset? Parse(string text)
    {
        // K also accepts no offset at all, which RFC 3339 does not: a time without one would be read in the server's zone.
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        return hasOffset && DateTimeOffset.TryParseExact(text.Replace('z', 'Z'), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time.ToUniversalTime()
            : null;
    }

    private static (DateTimeOffset? Time, ProblemHttpResult? Problem) ReadTime(HttpRequest request, string name)
    {
        var (text, problem) = QueryParameter.Single(request, name);
        if (problem is not null || text is null)
        {
            return (null, problem);
        }
        return Parse(text) is { } time
            ? (time, null)
            : (null, Problems.InvalidParameter(name, "Give an RFC 3339 time with its offset, such as 2026-11-23T10:00:00Z."));
    }
}
