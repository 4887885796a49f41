using Herald.Api.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Api.Access;

/// <summary>
/// The <c>expires_in</c> of a key or a portal session: a duration from one second to a maximum. One out of range or
/// not a duration is a 400 <c>invalid_parameter</c> naming <c>expires_in</c> (issue 12 asked 400 for a session over 24h,
/// and both routes read it alike).
/// </summary>
public static class Lifetime
{
    public static (TimeSpan? Value, ProblemHttpResult? Problem) Read(string? text, TimeSpan? fallback, TimeSpan max, string maxText)
    {
        if (text is null)
        {
            return (fallback, null);
        }
        return Duration.TryParse(text, out var value) && value >= TimeSpan.FromSeconds(1) && value <= max
            ? (value, null)
            : (null, Problems.InvalidParameter("expires_in", $"Use a duration from \"1s\" to \"{maxText}\", such as \"1h\"."));
    }
}
