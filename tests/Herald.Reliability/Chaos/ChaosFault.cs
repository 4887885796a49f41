namespace Herald.Reliability.Chaos;

/// <summary>How the chaos receiver answers one request.</summary>
public enum ChaosFault
{
    /// <summary>200 at once.</summary>
    Ok,

    /// <summary>200, then a short body written in pieces over a few hundred milliseconds (within the timeout).</summary>
    SlowOk,

    /// <summary>200 announcing 4 KiB, 100 bytes of it, then (300 ms later) the connection cut.</summary>
    TruncatedOk,

    /// <summary>200 with a 50 MB body.</summary>
    HugeOk,

    /// <summary>200 with a short binary body (NUL and other control bytes, invalid UTF-8), as a misconfigured server might answer.</summary>
    BinaryOk,

    /// <summary>500.</summary>
    ServerError,

    /// <summary>429 with <c>Retry-After: 1</c>.</summary>
    TooManyRequests,

    /// <summary>No answer until well past the webhook's timeout.</summary>
    Hang,

    /// <summary>The connection cut before any answer.</summary>
    Reset,

    /// <summary>200, then a body trickling one byte at a time for longer than the timeout.</summary>
    SlowPastTimeout,

    /// <summary>500 with a 50 MB body.</summary>
    HugeError,
}
