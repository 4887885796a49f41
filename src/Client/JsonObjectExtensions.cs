using System.Text.Json.Nodes;

namespace Herald.Client;

internal static class JsonObjectExtensions
{
    /// <summary>The object without its null fields: in Herald's bodies an absent field takes its default, a null one may mean "clear".</summary>
    public static JsonObject WithoutNulls(this JsonObject body)
    {
        foreach (var name in body.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            body.Remove(name);
        }
        return body;
    }
}
