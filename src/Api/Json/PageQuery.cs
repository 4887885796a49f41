using System.Globalization;
using Herald.Api.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Api.Json;

/// <summary>
/// A list's <c>limit</c> (1–250, default 50) and <c>cursor</c> (the <c>next_cursor</c> of the previous page), read
/// strictly: a limit that is not a whole number in range, a cursor that no list hands out, or either sent twice is a 400
/// naming the parameter. A limit over the maximum is refused rather than clamped, so a client never takes a short page
/// for the end of the list.
/// </summary>
public sealed record PageQuery(int Limit, string? Cursor)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 250;
    private const int MaxCursorLength = 256;

    public static (PageQuery? Page, ProblemHttpResult? Problem) Read(HttpRequest request)
    {
        var (limitText, problem) = QueryParameter.Single(request, "limit");
        if (problem is not null)
        {
            return (null, problem);
        }
        var limit = DefaultLimit;
        if (limitText is not null
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            return (null, Problems.InvalidParameter("limit", $"Use a whole number from 1 to {MaxLimit}."));
        }
        var (cursor, repeated) = QueryParameter.Single(request, "cursor");
        if (repeated is not null)
        {
            return (null, repeated);
        }
        // Every cursor Herald hands out is an id or an event type: a token. Anything else is not one of them.
        if (cursor is not null && !WebhookSpecValidator.IsToken(cursor, MaxCursorLength))
        {
            return (null, Problems.InvalidParameter("cursor", "Send the next_cursor of the previous page as it was given."));
        }
        return (new PageQuery(limit, cursor), null);
    }
}
