namespace Herald.Api.Json;

/// <summary>List limits: <c>limit</c> defaults to 50 and is clamped to 1–250.</summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 250;

    public static int Limit(int? requested) => Math.Clamp(requested ?? DefaultLimit, 1, MaxLimit);
}
