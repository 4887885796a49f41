using Herald.Bench.Infrastructure;

namespace Herald.Bench.Tests;

public sealed class DiskWaitJoinerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 5, 50, 49, TimeSpan.Zero);
    private static readonly (int, string, string) WalFlush = (101, "postgres: backend", "submit_bio_wait");
    private static readonly (int, string, string) Checkpoint = (102, "postgres: checkpointer", "folio_wait_bit");

    private static DateTimeOffset At(int ms) => T0.AddMilliseconds(ms);

    [Fact]
    public void Consecutive_samples_of_one_process_in_one_function_are_one_wait_and_the_longest_is_kept()
    {
        var joiner = new DiskWaitJoiner(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(30));
        joiner.Add(At(0), [Checkpoint]);
        joiner.Add(At(10), [WalFlush]);  // the checkpointer's wait ends: 0 + one period = 10 ms
        for (var ms = 20; ms <= 250; ms += 10)
        {
            joiner.Add(At(ms), [WalFlush]);
        }
        joiner.Add(At(260), []);
        joiner.Finish();

        var longest = Assert.IsType<DiskWait>(joiner.Longest);
        Assert.Equal(101, longest.Pid);
        Assert.Equal("submit_bio_wait", longest.Function);
        Assert.Equal(At(10), longest.Start);
        Assert.Equal(TimeSpan.FromMilliseconds(250), longest.Length); // seen from 10 to 250, plus one period
    }

    [Fact]
    public void A_gap_between_samples_or_another_function_starts_a_new_wait()
    {
        var joiner = new DiskWaitJoiner(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(30));
        joiner.Add(At(0), [WalFlush]);
        joiner.Add(At(10), [WalFlush]);
        joiner.Add(At(100), [WalFlush]);                                   // 90 ms later: not the same wait
        joiner.Add(At(110), [(101, "postgres: backend", "folio_wait_bit")]); // the same process, another function
        joiner.Finish();

        Assert.Equal(TimeSpan.FromMilliseconds(20), joiner.Longest!.Value.Length);
        Assert.Equal(At(0), joiner.Longest.Value.Start);
    }

    [Fact]
    public void No_waiting_process_means_no_wait()
    {
        var joiner = new DiskWaitJoiner(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(30));
        joiner.Add(At(0), []);
        joiner.Finish();

        Assert.Null(joiner.Longest);
    }
}
