namespace Herald.Api.Auth;

/// <summary>
/// The key of the <see cref="TimeProvider"/> that access control reads (key and session expiry, the key cache), so that
/// tests drive expiry through a clock of their own without moving the clock of the co-hosted silo.
/// </summary>
public static class AccessClock
{
    public const string Key = "herald.access";
}
