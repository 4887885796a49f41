using System.Collections.Concurrent;
using Herald.Testing.Receivers;
using Microsoft.AspNetCore.Http;

namespace Herald.Tests.Infrastructure;

/// <summary>
/// A real HTTP endpoint on 127.0.0.1 (Kestrel, ephemeral port) that records every request and answers the n-th
/// request (1-based) as <see cref="Behave"/> says: a status, a Retry-After, a hang past the timeout, a reset.
/// </summary>
public sealed class Receiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private ReceiverHost _host = null!;
    private int _count;

    private Receiver()
    {
    }

    public Func<int, int> Respond
    {
        set => Behave = (n, _) => value(n);
    }

    /// <summary>The reply to the n-th request, given that request.</summary>
    public Func<int, ReceivedRequest, Reply> Behave { get; set; } = (_, _) => Reply.Ok;

    public IReadOnlyList<ReceivedRequest> Requests => _requests.ToList();

    public string Url(string path = "/hook") => _host.Url(path);

    /// <param name="address">The loopback address to listen on; Linux routes all of 127.0.0.0/8 to the loopback interface.</param>
    public static async Task<Receiver> StartAsync(string address = "127.0.0.1")
    {
        var receiver = new Receiver();
        receiver._host = await ReceiverHost.StartAsync(receiver.HandleAsync, address);
        return receiver;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        var request = new ReceivedRequest(context.Request.Path, headers, body.ToArray(), DateTimeOffset.UtcNow);
        _requests.Enqueue(request);
        var reply = Behave(Interlocked.Increment(ref _count), request);
        if (reply.Reset)
        {
            context.Abort();
            return;
        }
        try
        {
            if (reply.Hang is { } hang)
            {
                await Task.Delay(hang, context.RequestAborted);
            }
            if (reply.AnswerAfter is { } moment)
            {
                await moment.WaitAsync(context.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }
        context.Response.StatusCode = reply.Status;
        if (reply.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = reply.RetryAfter;
        }
        if (reply.Location is not null)
        {
            context.Response.Headers.Location = reply.Location;
        }
        if (reply.Body is { } bytes)
        {
            await context.Response.Body.WriteAsync(bytes);
            return;
        }
        await context.Response.WriteAsync("received");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
