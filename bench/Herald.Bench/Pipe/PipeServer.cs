using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Herald.Bench.Infrastructure;
using Herald.Testing.Receivers;

namespace Herald.Bench.Pipe;

/// <summary>
/// The pipe server (<c>Herald.Bench pipe</c>): Herald's kind of work done minimally, for the pipe limits. Kestrel on
/// 127.0.0.1; <c>POST /events</c> reads a publish, commits its event and delivery rows (group commit) and answers 202
/// after the commit; with forwarding on (<c>POST /forwarding/on</c>, off again with <c>/forwarding/off</c>) each
/// committed event is then sent, signed, to the receiver, up to 64 at once, and each attempt is committed in turn;
/// <c>POST /drain?concurrency=N&amp;seconds=S</c> sends the pending deliveries in the database (read in pages) N at a
/// time, taking no new one after S seconds (default 60), and answers once those taken are recorded.
/// </summary>
public sealed class PipeServer : IAsyncDisposable
{
    private const int Page = 512;

    private readonly PipeSettings _settings;
    private readonly PipeStore _store;
    private readonly PipeSender _sender;
    private readonly Channel<EventRow> _forward = Channel.CreateUnbounded<EventRow>();
    private readonly Task _forwarding;
    private ReceiverHost _host = null!;
    private volatile bool _forwardOn;

    private PipeServer(PipeSettings settings)
    {
        _settings = settings;
        _store = new PipeStore(settings.Database);
        _sender = new PipeSender(settings, _store);
        _forwarding = _sender.DeliverAllAsync(_forward.Reader.ReadAllAsync(), settings.Concurrency);
    }

    /// <summary>Scheme, address and port, without a trailing slash.</summary>
    public string BaseUrl => _host.BaseUrl;

    /// <param name="port">Zero: any free port of 127.0.0.1.</param>
    public static async Task<PipeServer> StartAsync(PipeSettings settings, int port = 0)
    {
        var server = new PipeServer(settings);
        server._host = await ReceiverHost.StartAsync(server.HandleAsync, port: port);
        return server;
    }

    /// <summary>The bench's child process: serves on the port of ASPNETCORE_URLS, on 127.0.0.1, until the bench is gone or kills it.</summary>
    public static async Task<int> RunAsync()
    {
        var port = Environment.GetEnvironmentVariable("ASPNETCORE_URLS") is { } url ? new Uri(url).Port : 0;
        var settings = PipeSettings.FromEnvironment();
        await using var server = await StartAsync(settings, port);
        Console.WriteLine($"pipe server on {server.BaseUrl}, forwarding to {settings.Receiver}");
        while (IsRunning(settings.Parent!.Value))
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        Console.WriteLine($"pipe server: the bench (pid {settings.Parent}) is gone; stopping");
        return 0;
    }

    private Task HandleAsync(HttpContext context) => (context.Request.Method, context.Request.Path.Value) switch
    {
        ("GET", "/health/ready") => Task.CompletedTask,
        ("POST", "/events") => AcceptAsync(context),
        ("POST", "/forwarding/on") => Forward(context, on: true),
        ("POST", "/forwarding/off") => Forward(context, on: false),
        ("POST", "/drain") => DrainAsync(context),
        _ => Answer(context, StatusCodes.Status404NotFound),
    };

    private async Task AcceptAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        if (PublishBody.Read(body.GetBuffer().AsMemory(0, (int)body.Length), DateTimeOffset.UtcNow) is not { } row)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        await _store.AcceptAsync(row);
        if (_forwardOn)
        {
            _forward.Writer.TryWrite(row);
        }
        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    private Task Forward(HttpContext context, bool on)
    {
        _forwardOn = on;
        return Answer(context, StatusCodes.Status204NoContent);
    }

    private async Task DrainAsync(HttpContext context)
    {
        var concurrency = Query(context, "concurrency") ?? _settings.Concurrency;
        var limit = TimeSpan.FromSeconds(Query(context, "seconds") ?? 60);
        var outcome = await _sender.DeliverAllAsync(PendingAsync(Stopwatch.StartNew(), limit), Math.Clamp(concurrency, 1, _settings.Concurrency));
        await context.Response.WriteAsJsonAsync(outcome);
    }

    /// <summary>Every pending delivery's event, read a page at a time as the senders take them, until <paramref name="limit"/> has passed.</summary>
    private async IAsyncEnumerable<EventRow> PendingAsync(Stopwatch clock, TimeSpan limit)
    {
        var after = "";
        while (clock.Elapsed < limit && await _store.PendingAsync(after, Page) is { Count: > 0 } page)
        {
            foreach (var row in page)
            {
                if (clock.Elapsed >= limit)
                {
                    yield break;
                }
                yield return row;
            }
            after = "dlv_" + page[^1].Id;
        }
    }

    private static int? Query(HttpContext context, string name) =>
        int.TryParse(context.Request.Query[name], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static Task Answer(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _forward.Writer.TryComplete();
        await _forwarding;
        _sender.Dispose();
        await _store.DisposeAsync();
    }
}
