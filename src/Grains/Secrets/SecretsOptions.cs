namespace Herald.Grains.Secrets;

/// <summary>Encryption of endpoint secrets at rest, bound from <c>Herald:Secrets</c>.</summary>
public sealed class SecretsOptions
{
    public const string Section = "Herald:Secrets";
    public const int MasterKeyBytes = 32;

    /// <summary>The AES-256 key that encrypts endpoint secrets: the base64 of 32 random bytes (<c>openssl rand -base64 32</c>).</summary>
    public string MasterKey { get; set; } = "";

    /// <summary>The decoded key, or null when <see cref="MasterKey"/> is not the base64 of exactly 32 bytes.</summary>
    public byte[]? TryDecodeMasterKey()
    {
        var buffer = new byte[MasterKeyBytes + 3];
        return Convert.TryFromBase64String(MasterKey.Trim(), buffer, out var written) && written == MasterKeyBytes
            ? buffer[..MasterKeyBytes]
            : null;
    }
}
