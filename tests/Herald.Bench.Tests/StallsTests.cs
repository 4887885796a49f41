using System.Diagnostics;
using Herald.Bench.Infrastructure;

namespace Herald.Bench.Tests;

public sealed class StallsTests
{
    [Fact]
    public void Slow_publishes_close_in_time_form_one_burst_and_a_gap_starts_the_next()
    {
        var stalls = new Stalls();
        var start = Stopwatch.GetTimestamp();
        long At(double ms) => start + (long)(ms * Stopwatch.Frequency / 1000);
        stalls.Add(At(0), 5);
        stalls.Add(At(1_000), 120);   // burst 1: 1,000–1,200 ms
        stalls.Add(At(1_200), 180);
        stalls.Add(At(1_100), 60);
        stalls.Add(At(2_000), 10);
        stalls.Add(At(5_000), 70);    // burst 2: alone, 3.8 s after burst 1

        var text = stalls.Describe();

        Assert.Equal("4 publish answers over 50 ms in 2 bursts (the log names them)", stalls.Summary);
        Assert.StartsWith("4 publishes answered after 50 ms, in 2 bursts: ", text);
        Assert.Contains(": 3 over 200 ms, worst 180 ms", text);
        Assert.Contains(": 1 over 0 ms, worst 70 ms", text);
    }

    [Fact]
    public void A_run_without_slow_publishes_says_so()
    {
        var stalls = new Stalls();
        stalls.Add(Stopwatch.GetTimestamp(), 12);

        Assert.Equal("no publish answer over 50 ms", stalls.Summary);
    }
}
