using Herald.Grains.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Api.Json;

/// <summary>
/// The page and time window of a list ordered newest first by (time, id): <c>limit</c>, <c>cursor</c> (as
/// <see cref="PageQuery"/> reads them, the cursor then decoded), <c>since</c> and <c>until</c> (<see cref="TimeWindow"/>).
/// </summary>
public sealed record ListWindow(int Limit, KeysetCursor? Cursor, DateTimeOffset? Since, DateTimeOffset? Until)
{
    public static (ListWindow? Window, ProblemHttpResult? Problem) Read(HttpRequest request)
    {
        var (page, problem) = PageQuery.Read(request);
        if (problem is not null)
        {
            return (null, problem);
        }
        KeysetCursor? cursor = null;
        if (page!.Cursor is { } text && (cursor = KeysetCursor.Parse(text)) is null)
        {
            return (null, Problems.InvalidParameter("cursor", "Send the next_cursor of the previous page as it was given."));
        }
        var (window, invalid) = TimeWindow.Read(request);
        return invalid is not null ? (null, invalid) : (new ListWindow(page.Limit, cursor, window!.Since, window.Until), null);
    }
}
