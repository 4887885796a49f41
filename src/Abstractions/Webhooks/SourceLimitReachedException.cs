namespace Herald.Abstractions.Webhooks;

/// <summary>
/// A webhook was refused because its source already has as many webhooks as the account allows. Thrown by the
/// account grain, which counts and adds in one turn, so concurrent registrations cannot pass the limit together.
/// </summary>
[GenerateSerializer, Alias("herald.source-limit-reached")]
public sealed class SourceLimitReachedException : Exception
{
    public SourceLimitReachedException()
    {
    }

    public SourceLimitReachedException(string scope, int limit)
        : base($"The source \"{scope}\" already has {limit} webhooks, the most allowed per source.")
    {
        Scope = scope;
        Limit = limit;
    }

    /// <summary>The source the webhook was scoped to.</summary>
    [Id(0)] public string Scope { get; init; } = "";

    [Id(1)] public int Limit { get; init; }
}
