namespace Herald.Api.Auth;

/// <summary>The scopes' names as the API and the database write them, in one order: <c>publish</c>, <c>manage</c>, <c>read</c>.</summary>
public static class ScopeNames
{
    private static readonly (string Name, KeyScopes Scope)[] Names =
        [("publish", KeyScopes.Publish), ("manage", KeyScopes.Manage), ("read", KeyScopes.Read)];

    /// <summary>The scopes named, or null when a name is not a scope. Unknown names in storage never widen a key.</summary>
    public static KeyScopes? Parse(IEnumerable<string> names)
    {
        var scopes = KeyScopes.None;
        foreach (var name in names)
        {
            var match = Array.Find(Names, n => n.Name == name);
            if (match.Name is null)
            {
                return null;
            }
            scopes |= match.Scope;
        }
        return scopes;
    }

    public static IReadOnlyList<string> Of(KeyScopes scopes) => Names.Where(n => scopes.HasFlag(n.Scope)).Select(n => n.Name).ToList();

    /// <summary>Space-separated, as <c>WWW-Authenticate: Bearer scope="…"</c> and the problem's <c>scope</c> write them.</summary>
    public static string Joined(KeyScopes scopes) => string.Join(' ', Of(scopes));
}
