namespace Herald.Api.Auth;

/// <summary>
/// One row of <see cref="AccessRules"/>: the route templates it covers (<paramref name="Template"/> with <c>{}</c> for
/// any route parameter; with <paramref name="OrBelow"/> the routes under it too), the methods (null: any) and the access asked.
/// </summary>
public sealed record AccessRule(string Template, bool OrBelow, string[]? Methods, Access Access)
{
    public bool Matches(string method, string template) =>
        (Methods is null || Methods.Contains(method, StringComparer.OrdinalIgnoreCase))
        && (string.Equals(template, Template, StringComparison.OrdinalIgnoreCase)
            || (OrBelow && template.StartsWith(Template + "/", StringComparison.OrdinalIgnoreCase)));
}
