using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Herald.Bench.Pipe;
using Herald.Testing.Processes;

namespace Herald.Bench.Infrastructure;

/// <summary>
/// The pipe server (<see cref="PipeServer"/>) in a child process of the bench's own executable, on a fresh port of
/// 127.0.0.1, its output in a log file, forwarding to the receiver's <see cref="Path"/> with a key of its own; and
/// the client that drives it. Disposing kills it.
/// </summary>
public sealed class BenchPipe : IAsyncDisposable
{
    /// <summary>Where on the receiver the pipe's deliveries arrive.</summary>
    public const string Path = "/pipe";

    private BenchPipe(HeraldProcess process, HttpClient http)
    {
        Process = process;
        Http = http;
    }

    public HeraldProcess Process { get; }
    public HttpClient Http { get; }

    public static async Task<BenchPipe> StartAsync(string connectionString, Receiver receiver, string logPath, int concurrency)
    {
        var key = RandomNumberGenerator.GetBytes(24);
        receiver.Keys[Path] = key;
        var settings = new PipeSettings(connectionString, new Uri(receiver.Url(Path)), key, concurrency);
        var process = await HeraldProcess.StartReadyAsync(new HeraldStart("pipe server", typeof(BenchPipe).Assembly.Location, settings.ToEnvironment())
        {
            LogPath = logPath,
            Arguments = ["pipe"],
        });
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = process.Url,
            Timeout = TimeSpan.FromSeconds(120),
        };
        return new BenchPipe(process, http);
    }

    /// <summary>POST /events with a publish body; true on 202 (committed).</summary>
    public async Task<bool> PublishAsync(byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        using var response = await Http.PostAsync("/events", content);
        return response.StatusCode == HttpStatusCode.Accepted;
    }

    public async Task ForwardAsync(bool on)
    {
        using var response = await Http.PostAsync(on ? "/forwarding/on" : "/forwarding/off", null);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Sends the pending deliveries, <paramref name="concurrency"/> at a time, taking no new one after
    /// <paramref name="limit"/>; answers once those taken are recorded.
    /// </summary>
    public async Task<PipeOutcome> DrainAsync(int concurrency, TimeSpan limit)
    {
        using var response = await Http.PostAsync($"/drain?concurrency={concurrency}&seconds={Math.Max(1, (int)limit.TotalSeconds)}", null);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<PipeOutcome>() ?? throw new InvalidDataException("The pipe server's drain answered nothing.");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Process.DisposeAsync();
    }
}
