using System.Collections.Concurrent;
using System.Diagnostics;
using Herald.Testing.Receivers;
using Herald.Testing.Signatures;

namespace Herald.Bench.Infrastructure;

/// <summary>
/// The fast receiver: Kestrel on 127.0.0.1, answers at once (200, or 500 when the scenario's tracker says so), records
/// arrival times and verifies the Standard Webhooks signature of a sample of requests.
/// </summary>
public sealed class Receiver : IAsyncDisposable
{
    private ReceiverHost _host = null!;
    private Tracker _tracker = new();

    private Receiver()
    {
    }

    /// <summary>The signing key of each receiving path (one path per endpoint).</summary>
    public ConcurrentDictionary<string, byte[]> Keys { get; } = new();

    public string Url(string path) => _host.Url(path);

    /// <summary>Starts recording for a new scenario.</summary>
    public Tracker Track(Tracker tracker)
    {
        Volatile.Write(ref _tracker, tracker);
        return tracker;
    }

    public static async Task<Receiver> StartAsync()
    {
        var receiver = new Receiver();
        receiver._host = await ReceiverHost.StartAsync(receiver.HandleAsync);
        return receiver;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var tracker = Volatile.Read(ref _tracker);
        var n = tracker.NextRequest();
        var sample = tracker.ShouldSample(n);
        var body = await ReadBodyAsync(context.Request, keep: sample);
        var arrived = Stopwatch.GetTimestamp();
        var path = context.Request.Path.Value ?? "";
        var headers = context.Request.Headers;
        var id = headers["webhook-id"].ToString();
        if (tracker.ShouldFail(n))
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }
        if (sample && Keys.TryGetValue(path, out var key))
        {
            tracker.Signature(StandardWebhooks.Verify(key, id, headers["webhook-timestamp"].ToString(), headers["webhook-signature"].ToString(), body));
        }
        tracker.Succeeded(path, id, arrived);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, bool keep)
    {
        if (keep)
        {
            using var copy = new MemoryStream();
            await request.Body.CopyToAsync(copy);
            return copy.ToArray();
        }
        var reader = request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync();
            reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                return [];
            }
        }
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
