using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Herald.Grains.Secrets;

/// <summary>
/// Encrypts secrets at rest with AES-256-GCM under the master key: endpoint secrets, and stored answers that hold a
/// secret (idempotency). A sealed secret is <c>version (1) | nonce (12) | tag (16) | ciphertext</c>; its owner (the
/// endpoint id, or the idempotency row's scope and key) is authenticated with it, so a sealed secret copied onto another
/// owner does not open.
/// </summary>
public sealed class SecretProtector(IOptions<SecretsOptions> options)
{
    private const byte Version = 1;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private const int HeaderBytes = 1 + NonceBytes + TagBytes;

    private readonly byte[] _key = options.Value.TryDecodeMasterKey()
        ?? throw new InvalidOperationException("Herald:Secrets:MasterKey is not the base64 of 32 bytes.");

    public byte[] Seal(string owner, string secret)
    {
        var plaintext = Encoding.UTF8.GetBytes(secret);
        var sealedSecret = new byte[HeaderBytes + plaintext.Length];
        sealedSecret[0] = Version;
        var nonce = sealedSecret.AsSpan(1, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagBytes);
        aes.Encrypt(nonce, plaintext, sealedSecret.AsSpan(HeaderBytes), sealedSecret.AsSpan(1 + NonceBytes, TagBytes),
            Encoding.UTF8.GetBytes(owner));
        CryptographicOperations.ZeroMemory(plaintext);
        return sealedSecret;
    }

    /// <exception cref="CryptographicException">The secret was sealed under another key or for another owner, or was altered.</exception>
    public string Open(string owner, byte[] sealedSecret)
    {
        if (sealedSecret.Length < HeaderBytes || sealedSecret[0] != Version)
        {
            throw new CryptographicException("The stored secret is not in a format this version of Herald reads.");
        }
        var plaintext = new byte[sealedSecret.Length - HeaderBytes];
        using var aes = new AesGcm(_key, TagBytes);
        aes.Decrypt(sealedSecret.AsSpan(1, NonceBytes), sealedSecret.AsSpan(HeaderBytes), sealedSecret.AsSpan(1 + NonceBytes, TagBytes),
            plaintext, Encoding.UTF8.GetBytes(owner));
        return Encoding.UTF8.GetString(plaintext);
    }
}
