namespace Herald.Verification;

/// <summary>The outcome of verifying one delivery: <see cref="Verified"/>, or why it was refused.</summary>
public enum VerificationResult
{
    /// <summary>A signature matched one of the secrets and the timestamp (when signed) is recent.</summary>
    Verified = 0,

    /// <summary>A header the profile needs (signature, timestamp or id) is absent or empty.</summary>
    MissingHeader = 1,

    /// <summary>The timestamp header is not a number of Unix seconds.</summary>
    InvalidTimestamp = 2,

    /// <summary>The timestamp is further from now than the tolerance (5 minutes by default): a replay or a skewed clock.</summary>
    TimestampOutsideTolerance = 3,

    /// <summary>No signature matched any of the secrets: the body was altered or the secret is wrong.</summary>
    SignatureMismatch = 4,
}
