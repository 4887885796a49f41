namespace Herald.Api.Auth;

/// <summary>What a route asks of the credential that calls it.</summary>
public enum Access
{
    /// <summary>Any valid credential (<c>GET /v1/me</c>).</summary>
    Authenticated,
    Read,
    Manage,
    Publish,

    /// <summary>Changing the account itself, its keys and its portal sessions: the admin, or an account key with every scope.</summary>
    AccountAdministration,

    /// <summary>The deployment's own routes (accounts, the catalog): the admin key only.</summary>
    Admin,
}
