namespace Herald.Reliability.Hostile;

/// <summary>One hostile request, numbered so that its seed can make it again (<c>--replay</c>).</summary>
/// <param name="Caller">Whose key it carries: "a", "b", "admin" or "none" (answers to "a" and "b" must not show the other account's data).</param>
/// <param name="HttpLevel">
/// Malformed at the HTTP level (framing, headers): the server may refuse it before Herald's code sees it, with an
/// empty 4xx, rather than a problem+json body.
/// </param>
/// <param name="StallAfter">Send this many bytes and then nothing (a slow client).</param>
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
}
