namespace Herald.Api.Auth;

/// <summary>What a bearer token turned out to be: a live credential (<see cref="Caller"/>), an expired one, or unknown.</summary>
public sealed record CredentialLookup(Caller? Caller, bool Expired)
{
    public static CredentialLookup Unknown { get; } = new(null, false);

    public static CredentialLookup ExpiredOne { get; } = new(null, true);

    public static CredentialLookup Found(Caller caller) => new(caller, false);
}
