namespace Herald.Api.Auth;

/// <summary>What a credential may do: <c>publish</c> events, <c>manage</c> webhooks, <c>read</c> everything of its account.</summary>
[Flags]
public enum KeyScopes
{
    None = 0,
    Publish = 1,
    Manage = 2,
    Read = 4,
    All = Publish | Manage | Read,
}
