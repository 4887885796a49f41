using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Herald.Abstractions.Signatures;
using Herald.Grains.Signing;

namespace Herald.Grains.Delivery;

/// <summary>
/// The request headers of an attempt as the attempt log keeps them: a JSON object of every header sent, in order,
/// with what would let a reader forge or replay deliveries masked. A signature keeps its version or prefix and loses
/// its digest (<c>v1,****</c>, <c>sha256=****</c>), and a custom header whose name says it carries a credential
/// (authorization, token, secret, key, password, cookie, session, credential, signature) keeps only its name.
/// </summary>
public static class RequestHeaderLog
{
    public const string Masked = "****";

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] CredentialWords =
        ["auth", "token", "secret", "key", "password", "passwd", "cookie", "session", "credential", "signature"];

    /// <param name="headers">The headers of the request as sent, besides its <c>Content-Type</c>.</param>
    public static string Write(IReadOnlyList<KeyValuePair<string, string>> headers, SignatureProfile profile)
    {
        var hmac = profile.ToHmacProfile();
        using var buffer = new MemoryStream(256);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("Content-Type", "application/json");
            foreach (var (name, value) in headers)
            {
                json.WriteString(name, hmac is null ? MaskStandard(name, value) : MaskHmac(name, value, hmac.Header, hmac.PreviousHeader, hmac.Prefix));
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Whether a custom header's name says that its value is a credential.</summary>
    public static bool IsCredential(string name)
    {
        foreach (var word in CredentialWords)
        {
            if (name.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    // webhook-signature lists one "v1,<digest>" per signing secret, space-separated.
    private static string MaskStandard(string name, string value) =>
        string.Equals(name, StandardWebhookSigner.SignatureHeader, StringComparison.OrdinalIgnoreCase)
            ? string.Join(' ', value.Split(' ').Select(s => s.IndexOf(',', StringComparison.Ordinal) is var comma and >= 0 ? s[..(comma + 1)] + Masked : Masked))
            : IsCredential(name) ? Masked : value;

    private static string MaskHmac(string name, string value, string header, string previousHeader, string? prefix) =>
        string.Equals(name, header, StringComparison.OrdinalIgnoreCase) || string.Equals(name, previousHeader, StringComparison.OrdinalIgnoreCase)
            ? prefix + Masked
            : IsCredential(name) ? Masked : value;
}
