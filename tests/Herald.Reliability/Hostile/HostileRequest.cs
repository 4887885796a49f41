namespace Herald.Reliability.Hostile;

/// <summary>One hostile request, numbered so that its seed can make it again (<c>--replay</c>).</summary>
/// <param name="Caller">Whose key it carries: "a", "b", "admin" or "none" (answers to "a" and "b" must not show the other account's data).</param>
/// <param name="HttpLevel">
/// Malformed at the HTTP level (framing, headers): the server may refuse it before Herald's code sees it, with an
/// empty 4xx, rather than a problem+json body.
/// </param>
/// <param name="StallAfter">
/// A slow client: send the head and this many bytes of the body, then nothing; negative, stop that many bytes before the
/// head ends. Counted from the head's end on the wire (<see cref="StallPoint"/>), as the head's length depends on the
/// host it is sent to.
/// </param>
/// <param name="HalfClose">Close the sending side after the bytes (a body that ends early).</param>
public sealed record HostileRequest(
    int Number,
    HostileCategory Category,
    string Description,
    RawRequest Request,
    string Caller,
    bool HttpLevel = false,
    int? StallAfter = null,
    bool HalfClose = false)
{
    public bool IsWrite => Request.Method is "POST" or "PUT" or "PATCH" or "DELETE";

    /// <summary>How many bytes of <paramref name="wire"/> a slow client sends before it stalls; null for the others.</summary>
    public int? StallPoint(byte[] wire)
    {
        if (StallAfter is not { } after)
        {
            return null;
        }
        var head = wire.AsSpan().IndexOf("\r\n\r\n"u8) + 4;
        return Math.Clamp(head + after, 0, wire.Length);
    }
}
