using System.Collections.Concurrent;
using System.Diagnostics;
using Herald.Testing.Receivers;
using Herald.Testing.Signatures;

namespace Herald.Reliability.Chaos;

/// <summary>
/// A receiver on 127.0.0.1 that answers each request as its <see cref="ChaosPlan"/> says (errors, 429, hangs, resets,
/// slow, truncated and 50 MB bodies), checks every Standard Webhooks signature, and records every arrival.
/// </summary>
public sealed class ChaosReceiver : IAsyncDisposable
{
    public const int HugeBytes = 50 * 1000 * 1000;
    private static readonly byte[] Filler = Enumerable.Repeat((byte)'x', 64 * 1024).ToArray();
    private static readonly byte[] Binary = [0x00, 0x01, 0xFF, 0xFE, 0x00, 0xC3, 0x28, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00];
    private static readonly byte[] Short = "taken by the chaos receiver, piece by piece ..."u8.ToArray();

    private static readonly TimeSpan TruncateAfter = TimeSpan.FromMilliseconds(300);

    private readonly ChaosPlan _plan;
    private readonly TimeSpan _timeout;
    private readonly ConcurrentDictionary<string, int> _attempts = new();
    private readonly ConcurrentQueue<Arrival> _arrivals = new();
    private ReceiverHost _host = null!;
    private int _hugeNow;
    private int _hugeMost;

    private ChaosReceiver(ChaosPlan plan, TimeSpan timeout)
    {
        _plan = plan;
        _timeout = timeout;
    }

    /// <summary>The signing key of each path (one path per webhook).</summary>
    public ConcurrentDictionary<string, byte[]> Keys { get; } = new();

    public IReadOnlyList<Arrival> Arrivals => [.. _arrivals];

    /// <summary>The most 50 MB answers that were being written at the same time (since the start, or <see cref="ResetMostHugeAtOnce"/>).</summary>
    public int MostHugeAtOnce => Volatile.Read(ref _hugeMost);

    public void ResetMostHugeAtOnce() => Volatile.Write(ref _hugeMost, Volatile.Read(ref _hugeNow));

    public string Url(string path) => _host.Url(path);

    /// <param name="timeout">The webhooks' timeout: hangs and trickles last well past it.</param>
    public static async Task<ChaosReceiver> StartAsync(ChaosPlan plan, TimeSpan timeout)
    {
        var receiver = new ChaosReceiver(plan, timeout);
        receiver._host = await ReceiverHost.StartAsync(receiver.HandleAsync);
        return receiver;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var path = context.Request.Path.Value ?? "";
        var headers = context.Request.Headers;
        var id = headers["webhook-id"].ToString();
        var signed = Keys.TryGetValue(path, out var key)
            && StandardWebhooks.Verify(key, id, headers["webhook-timestamp"].ToString(), headers["webhook-signature"].ToString(), body.ToArray());
        var attempt = _attempts.AddOrUpdate($"{path} {id}", 1, (_, n) => n + 1);
        var answer = _plan.Answer(path, id, attempt);
        _arrivals.Enqueue(new Arrival(path, id, attempt, answer, Stopwatch.GetTimestamp(), signed));
        try
        {
            await AnswerAsync(context, answer);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or InvalidOperationException)
        {
            // Herald stopped reading (its timeout, or it had read the excerpt it keeps): the chaos worked as meant.
        }
    }

    private async Task AnswerAsync(HttpContext context, ChaosFault answer)
    {
        var response = context.Response;
        var aborted = context.RequestAborted;
        switch (answer)
        {
            case ChaosFault.Ok:
                await response.Body.WriteAsync(Short, aborted);
                break;
            case ChaosFault.BinaryOk:
                response.ContentType = "application/octet-stream";
                await response.Body.WriteAsync(Binary, aborted);
                break;
            case ChaosFault.ServerError:
                response.StatusCode = StatusCodes.Status500InternalServerError;
                break;
            case ChaosFault.TooManyRequests:
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = "1";
                break;
            case ChaosFault.Reset:
                context.Abort();
                break;
            case ChaosFault.Hang:
                await Task.Delay(_timeout * 2 + TimeSpan.FromSeconds(1), aborted);
                break;
            case ChaosFault.SlowOk:
                await TrickleAsync(response, Short, 6, TimeSpan.FromMilliseconds(50), aborted);
                break;
            case ChaosFault.SlowPastTimeout:
                // 1 KiB is what Herald reads of an answer: one byte at a time, it never gets there within the timeout.
                await TrickleAsync(response, "x"u8.ToArray(), (int)(_timeout * 2 / TimeSpan.FromMilliseconds(100)), TimeSpan.FromMilliseconds(100), aborted);
                break;
            case ChaosFault.TruncatedOk:
                response.ContentLength = 4096;
                await response.Body.WriteAsync(Filler.AsMemory(0, 100), aborted);
                await response.Body.FlushAsync(aborted);
                // A cut connection makes Linux drop what the peer has not read yet: give Herald time to read the
                // status and the first bytes, so that what it meets is a body cut short, not a reset.
                await Task.Delay(TruncateAfter, aborted);
                context.Abort();
                break;
            case ChaosFault.HugeOk:
            case ChaosFault.HugeError:
                response.StatusCode = answer == ChaosFault.HugeOk ? StatusCodes.Status200OK : StatusCodes.Status500InternalServerError;
                response.ContentLength = HugeBytes;
                var now = Interlocked.Increment(ref _hugeNow);
                try
                {
                    InterlockedMax(ref _hugeMost, now);
                    for (var sent = 0; sent < HugeBytes; sent += Filler.Length)
                    {
                        await response.Body.WriteAsync(Filler.AsMemory(0, Math.Min(Filler.Length, HugeBytes - sent)), aborted);
                    }
                }
                finally
                {
                    Interlocked.Decrement(ref _hugeNow);
                }
                break;
        }
    }

    private static async Task TrickleAsync(HttpResponse response, byte[] piece, int pieces, TimeSpan pause, CancellationToken aborted)
    {
        await response.StartAsync(aborted);
        for (var i = 0; i < pieces; i++)
        {
            await response.Body.WriteAsync(piece, aborted);
            await response.Body.FlushAsync(aborted);
            await Task.Delay(pause, aborted);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
