namespace Herald.Client;

/// <summary>Keys that make a create safe to send again: one per call, the same on each of its tries.</summary>
internal static class IdempotencyKeys
{
    public static string New() => "hc_" + Guid.NewGuid().ToString("N");
}
