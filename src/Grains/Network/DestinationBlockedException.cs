namespace Herald.Grains.Network;

/// <summary>The SSRF guard refused every address of a delivery's host; the attempt fails for good.</summary>
public sealed class DestinationBlockedException(string reason) : Exception($"blocked: {reason}")
{
    /// <summary>Why, such as "10.0.0.5 is a private address".</summary>
    public string Reason { get; } = reason;
}
