using System.Collections.Concurrent;
using System.Diagnostics;
using Herald.Testing.Processes;

namespace Herald.Reliability.Infrastructure;

/// <summary>
/// Asks a Herald process's <c>/health/ready</c> every 250 ms (or as soon as the last answer came) until disposed,
/// keeping each answer and when it came. Herald's own check waits up to 3 s for PostgreSQL, so each ask waits 5 s.
/// </summary>
public sealed class ReadinessProbe : IAsyncDisposable
{
    private readonly HeraldProcess _process;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<(TimeSpan At, int Status)> _answers = new();
    private readonly Stopwatch _clock;
    private readonly Task _probing;

    /// <param name="clock">The scenario's clock, which the answers' times are read on.</param>
    public ReadinessProbe(HeraldProcess process, Stopwatch clock)
    {
        _process = process;
        _clock = clock;
        _probing = ProbeAsync();
    }

    /// <summary>Each answer's time and status (0: none within 5 s).</summary>
    public IReadOnlyList<(TimeSpan At, int Status)> Answers => [.. _answers];

    /// <summary>The first answer at or after <paramref name="from"/> whose status is <paramref name="status"/>.</summary>
    public TimeSpan? First(int status, TimeSpan from) =>
        Answers.Where(a => a.At >= from && a.Status == status).Select(a => (TimeSpan?)a.At).FirstOrDefault();

    private async Task ProbeAsync()
    {
        using var http = new HttpClient { BaseAddress = _process.Url, Timeout = TimeSpan.FromSeconds(5) };
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var at = _clock.Elapsed;
                try
                {
                    using var response = await http.GetAsync("/health/ready", _stop.Token);
                    _answers.Enqueue((at, (int)response.StatusCode));
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !_stop.IsCancellationRequested)
                {
                    _answers.Enqueue((at, 0));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _probing;
        _stop.Dispose();
    }
}
