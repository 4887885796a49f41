namespace Herald.Verification;

/// <summary>What a custom profile's HMAC covers.</summary>
public enum SignedContent
{
    /// <summary>The raw body bytes only.</summary>
    Body = 0,

    /// <summary><c>{timestamp}.{body}</c>, the timestamp in Unix seconds as sent in the timestamp header.</summary>
    TimestampBody = 1,

    /// <summary><c>{id}.{timestamp}.{body}</c>, the event id as sent in the id header.</summary>
    IdTimestampBody = 2,
}
