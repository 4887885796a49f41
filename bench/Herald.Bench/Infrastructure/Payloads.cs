using System.Globalization;
using System.Text;

namespace Herald.Bench.Infrastructure;

/// <summary>The bench's events: a publish body of about 300 bytes, and the envelope Herald stores and sends for it.</summary>
public static class Payloads
{
    public static string Data(int n) => string.Create(CultureInfo.InvariantCulture,
        $$$"""{"server_id":"srv_{{{n:D8}}}","region":"eu-central-1","plan":"standard-2","status":"running","ipv4":"203.0.113.{{{n % 250}}}","sequence":{{{n}}},"labels":{"team":"platform","env":"production"}}""");

    /// <summary>POST /v1/events body with a caller-chosen id, so the bench knows the webhook-id before it publishes.</summary>
    public static byte[] Publish(string type, string id, int n) =>
        Encoding.UTF8.GetBytes($$"""{"type":"{{type}}","id":"{{id}}","data":{{Data(n)}}}""");

    /// <summary>The bytes Herald writes for that publish (its envelope), for baselines and pre-loaded queues.</summary>
    public static byte[] Envelope(string type, string id, int n, DateTimeOffset timestamp) => Envelope(type, id, Data(n), timestamp);

    /// <summary>The envelope of any publish's data (JSON text), as the pipe server writes and sends it.</summary>
    public static byte[] Envelope(string type, string id, string data, DateTimeOffset timestamp) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $$"""{"id":"{{id}}","type":"{{type}}","timestamp":"{{timestamp.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}}","data":{{data}}}"""));
}
