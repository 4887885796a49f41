namespace Herald.Grains.Routing;

/// <summary>
/// Subscription patterns: an exact type, <c>*</c> for every type, or a trailing <c>.*</c> that matches one or
/// more further segments (<c>server.*</c> matches <c>server.created</c> and <c>server.backup.completed</c>).
/// </summary>
public static class EventTypePattern
{
    public static bool Matches(string pattern, string eventType)
    {
        if (pattern == "*")
        {
            return true;
        }
        if (pattern.EndsWith(".*", StringComparison.Ordinal))
        {
            var prefix = pattern.AsSpan(0, pattern.Length - 1); // keeps the dot: "server."
            return eventType.Length > prefix.Length && eventType.AsSpan().StartsWith(prefix, StringComparison.Ordinal);
        }
        return string.Equals(pattern, eventType, StringComparison.Ordinal);
    }

    public static bool MatchesAny(IReadOnlyList<string> patterns, string eventType)
    {
        foreach (var pattern in patterns)
        {
            if (Matches(pattern, eventType))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A valid pattern is <c>*</c>, or dot-separated segments of [a-z0-9_-] with an optional final <c>*</c> segment.</summary>
    public static bool IsValid(string pattern)
    {
        if (pattern == "*")
        {
            return true;
        }
        var segments = pattern.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment == "*" && i == segments.Length - 1 && i > 0)
            {
                continue;
            }
            if (!IsValidSegment(segment))
            {
                return false;
            }
        }
        return pattern.Length <= 128;
    }

    /// <summary>A concrete event type: a valid pattern without wildcards.</summary>
    public static bool IsValidType(string eventType) => !eventType.Contains('*', StringComparison.Ordinal) && IsValid(eventType);

    private static bool IsValidSegment(string segment) =>
        segment.Length > 0 && segment.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-');
}
