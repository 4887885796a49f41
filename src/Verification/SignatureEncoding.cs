namespace Herald.Verification;

/// <summary>How a custom profile writes the HMAC-SHA256 digest.</summary>
public enum SignatureEncoding
{
    /// <summary>Lower-case hexadecimal (64 characters).</summary>
    Hex = 0,

    /// <summary>Standard base64 with padding (44 characters).</summary>
    Base64 = 1,
}
