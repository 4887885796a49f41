namespace Herald.Api.Auth;

/// <summary>The kind of credential a request presents.</summary>
public enum CallerKind
{
    Admin,
    AccountKey,
    Portal,
}
