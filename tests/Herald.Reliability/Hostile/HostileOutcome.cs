using System.Text;

namespace Herald.Reliability.Hostile;

/// <summary>A hostile request and what it was answered, with the judgements the scenario makes of it.</summary>
public sealed partial record HostileOutcome(HostileRequest Request, byte[] Wire, RawResponse Response)
{
    /// <summary>Empty 4xx answers with which the server refuses malformed HTTP before Herald's code runs.</summary>
    private static readonly int[] ServerRefusals = [400, 405, 408, 411, 413, 414, 431];

    public bool IsServerError => Response.Status >= 500;

    /// <summary>
    /// The answer is acceptable in form: an error is problem+json, or (for HTTP-level malformations only) the
    /// server's own empty refusal or a closed connection. A client that closed its side of the connection may get no
    /// answer at all: the server takes the end of the stream for the client leaving.
    /// </summary>
    public bool IsWellFormed =>
        Response.Status is >= 200 and < 400
        || (Response.Status >= 400 && Response.IsProblem)
        || (Request.HttpLevel && (Response.Status == 0 || (Response.Body.Length == 0 && ServerRefusals.Contains(Response.Status))))
        || (Request.HalfClose && Response.Status == 0);

    public bool IsAcceptedWrite => Request.IsWrite && Response.Status is >= 200 and < 300;

    /// <summary>One line for the report: number, category, what it was, and what came back.</summary>
    public string Summary =>
        $"#{Request.Number} [{Request.Category}] {Request.Description} → {(Response.Status == 0 ? "no answer" : Response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture))}" +
        $"{(Response.ContentType.Length > 0 ? $" ({Response.ContentType})" : "")}{(Response.Error is { } error ? $" [{error}]" : "")}: {Secret().Replace(Excerpt(Response.Body, 200), "$1…")}";

    /// <summary>
    /// The request as sent (bytes outside printable ASCII escaped, the run's keys replaced by their names), cut to
    /// <paramref name="length"/> characters.
    /// </summary>
    public string RequestText(Targets targets, int length = 400) => Excerpt(Wire, length)
        .Replace(targets.AdminKey, "<admin key>", StringComparison.Ordinal)
        .Replace(targets.KeyA, "<account A's key>", StringComparison.Ordinal)
        .Replace(targets.KeyB, "<account B's key>", StringComparison.Ordinal);

    /// <summary>A signing secret or an API key in an answer (a rotation that went through): the report shows its kind only.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("(whsec_|hk_)[A-Za-z0-9+/=_-]+")]
    private static partial System.Text.RegularExpressions.Regex Secret();

    private static string Excerpt(byte[] bytes, int length)
    {
        var text = new StringBuilder();
        foreach (var b in bytes.Take(length))
        {
            text.Append(b switch
            {
                (byte)'\r' => "\\r",
                (byte)'\n' => "\\n",
                >= 0x20 and < 0x7F => ((char)b).ToString(),
                _ => $"\\x{b:X2}",
            });
        }
        return bytes.Length > length ? $"{text}… ({bytes.Length:N0} bytes)" : text.ToString();
    }
}
