using System.Diagnostics;
using Herald.Bench.Infrastructure;
using Herald.Testing.Signatures;

namespace Herald.Bench.Scenarios;

/// <summary>
/// The wire limit: plain HttpClient POSTs of the same bodies, signed the same way, to the same receiver at the same
/// concurrency and with the same connection limit as Herald's delivery client. Nothing is persisted.
/// </summary>
public static class WireBaseline
{
    /// <summary>
    /// Requests per second, and the bench process's CPU per request in µs (client and receiver: the machine's CPU
    /// speed); <paramref name="concurrency"/> defaults to the bench's.
    /// </summary>
    public static async Task<(double PerSecond, double CpuMicroseconds)> RunAsync(BenchContext context, int run, int requests, int? concurrency = null)
    {
        var sizes = context.Sizes;
        var path = $"/wire/{run}";
        var key = StandardWebhooks.DecodeSecret("whsec_" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
        context.Receiver.Keys[path] = key;
        var now = DateTimeOffset.UtcNow;
        var bodies = Enumerable.Range(0, 1000).Select(n => Payloads.Envelope("bench.wire", $"wire-{n}", n, now)).ToArray();
        var url = new Uri(context.Receiver.Url(path));
        var tracker = context.Receiver.Track(new Tracker());
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;

        var result = await Load.ClosedAsync(requests, concurrency ?? sizes.Concurrency, TimeSpan.FromSeconds(60), async i =>
        {
            var id = $"wire{run}-{i}";
            using var request = SignedPost.Create(url, key, id, bodies[i % bodies.Length]);
            using var response = await context.Raw.SendAsync(request);
            return response.IsSuccessStatusCode;
        });
        var cpuMicroseconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / Math.Max(1, result.Ok);
        if (result.Failed > 0 || tracker.SignaturesBad > 0)
        {
            context.Results.Fail($"wire baseline: {result.Failed} requests failed ({result.FirstError}), {tracker.SignaturesBad} bad signatures");
        }
        context.Log($"wire baseline run {run}, concurrency {concurrency ?? sizes.Concurrency}: {result.PerSecond:N0} requests/s ({result.Ok:N0} in {result.Elapsed.TotalSeconds:0.0} s), bench CPU {cpuMicroseconds:0} µs per request");
        return (result.PerSecond, cpuMicroseconds);
    }
}
