using Herald.Bench.Infrastructure;

namespace Herald.Bench.Tests;

public sealed class ProcStatTests
{
    [Fact]
    public void Fields_are_counted_from_the_last_parenthesis_so_a_command_name_with_spaces_and_parentheses_parses()
    {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime ...
        const string line = "4242 (postgres: a (b) c) S 17 4242 4242 0 -1 4194560 100 0 0 0 250 50 700 30 20 0 1 0 12345 1000000 500";

        var stat = ProcStat.Parse(4242, line);

        Assert.Equal(new ProcStat(4242, 17, OwnTicks: 300, ReapedTicks: 730), stat);
    }

    [Fact]
    public void A_process_that_is_gone_reads_as_null()
    {
        Assert.Null(ProcStat.Read(int.MaxValue));
    }
}
