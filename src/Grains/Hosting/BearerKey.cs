using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Herald.Grains.Hosting;

/// <summary>The key of <c>Authorization: Bearer &lt;key&gt;</c>, and whether a key is the admin key.</summary>
public static class BearerKey
{
    /// <summary>The key the request presents; null when it presents none.</summary>
    public static string? Of(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header[7..].Trim() is { Length: > 0 } key ? key : null;
    }

    /// <summary>Compared in constant time; never true when no admin key is configured.</summary>
    public static bool IsAdmin(string key, string adminKey) =>
        adminKey.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(adminKey));
}
