using System.Net;
using System.Text.Json.Nodes;
using Herald.Tests.Signatures;

namespace Herald.Tests.Api.Patch;

/// <summary>Calls the PATCH tests make over and over.</summary>
public static class PatchCalls
{
    /// <summary>Sends a PATCH (a JSON text as is, or an object to serialise); returns the status and the answer's text.</summary>
    public static async Task<(HttpStatusCode Status, string Text)> PatchAsync(this HttpClient client, string path, object body)
    {
        var (status, _, text) = await client.SendAsync(HttpMethod.Patch, path, body);
        return (status, text);
    }

    /// <summary>The webhook as <c>GET</c> shows it, parsed so that a test can set the fields it expects to have changed.</summary>
    public static async Task<JsonObject> ReadAsync(this HttpClient client, string path) =>
        JsonNode.Parse(await client.GetStringAsync(path))!.AsObject();

    /// <summary>The problem's field errors, by name (empty for a problem that names none).</summary>
    public static string[] Fields(string problem) =>
        JsonNode.Parse(problem)!["errors"]?.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToArray() ?? [];

    /// <summary>The answer is a 422 naming <paramref name="field"/> alone, and its message mentions <paramref name="mention"/>.</summary>
    public static void AssertRefused((HttpStatusCode Status, string Text) answer, string field, string mention)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal([field], Fields(answer.Text));
        Assert.Contains(mention, answer.Text);
    }
}
