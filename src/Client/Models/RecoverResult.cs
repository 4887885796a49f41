namespace Herald.Client.Models;

/// <summary>How many failed deliveries <c>recover</c> queued again.</summary>
public sealed record RecoverResult : ApiObject
{
    public int Recovered { get; init; }
}
