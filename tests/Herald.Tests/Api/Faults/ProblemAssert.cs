using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Herald.Tests.Api.Faults;

/// <summary>Checks that an answer is an RFC 9457 problem with the given status and stable code.</summary>
public static class ProblemAssert
{
    public static async Task<JsonElement> IsAsync(HttpResponseMessage response, HttpStatusCode status, string code, string? what = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{what}: expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.True(problem.TryGetProperty("code", out var actual) && actual.GetString() == code, $"{what}: expected code {code}: {text}");
        return problem;
    }

    /// <summary>A 503 that tells the client to come back: <c>Retry-After</c> in whole seconds.</summary>
    public static async Task<JsonElement> IsRetryLaterAsync(HttpResponseMessage response, HttpStatusCode status, string code, string? what = null)
    {
        var problem = await IsAsync(response, status, code, what);
        Assert.True(response.Headers.RetryAfter?.Delta is { } delay && delay >= TimeSpan.FromSeconds(1), $"{what}: no Retry-After");
        return problem;
    }

    /// <summary>The code of any answer that is a problem; null for one that is not.</summary>
    public static async Task<string?> CodeOfAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return null;
        }
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.TryGetProperty("code", out var code) ? code.GetString() : null;
    }
}
