using Herald.Abstractions.Signatures;

namespace Herald.Abstractions.Webhooks;

/// <summary>
/// A change of signature scheme was refused because a secret that still signs (the current one, or the previous one
/// within its grace period) is not a valid secret under the new scheme: the endpoint could no longer sign. Thrown by
/// the endpoint grain before it changes anything.
/// </summary>
[GenerateSerializer, Alias("herald.secret-unsuitable")]
public sealed class SecretUnsuitableException : Exception
{
    public SecretUnsuitableException()
    {
    }

    public SecretUnsuitableException(SignatureScheme scheme)
        : base($"A secret that still signs for this webhook is not a valid {scheme} secret.")
    {
        Scheme = scheme;
    }

    /// <summary>The scheme the change asked for.</summary>
    [Id(0)] public SignatureScheme Scheme { get; init; }
}
