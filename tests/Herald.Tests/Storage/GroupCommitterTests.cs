using Herald.Abstractions.Storage;
using Herald.Grains.Storage;

namespace Herald.Tests.Storage;

/// <summary>The group-commit machinery alone: no database, every commit held until the test releases it.</summary>
public sealed class GroupCommitterTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Items_submitted_during_a_commit_are_written_together_and_complete_only_when_theirs_committed()
    {
        var held = new HeldBatches();
        await using var committer = new GroupCommitter<string, string>("test", 1, 512, held.WriteAsync);

        var a = committer.SubmitAsync("a");
        var first = await held.NextAsync();
        var b = committer.SubmitAsync("b");
        var c = committer.SubmitAsync("c");
        first.Release.SetResult();
        var second = await held.NextAsync();

        Assert.Equal(["a"], first.Items);
        Assert.Equal("A", await a.WaitAsync(Deadline));
        Assert.Equal(["b", "c"], second.Items);
        Assert.False(b.IsCompleted || c.IsCompleted, "b and c complete before their batch committed");
        second.Release.SetResult();
        Assert.Equal(["B", "C"], await Task.WhenAll(b, c).WaitAsync(Deadline));
    }

    [Fact]
    public async Task A_failed_batch_fails_every_caller_in_it_and_the_next_batch_is_written()
    {
        var held = new HeldBatches();
        await using var committer = new GroupCommitter<string, string>("test", 1, 512, held.WriteAsync);
        var a = committer.SubmitAsync("a");
        var first = await held.NextAsync();
        var b = committer.SubmitAsync("b");
        var c = committer.SubmitAsync("c");
        first.Release.SetResult();
        var failure = new InvalidOperationException("the database went away");

        (await held.NextAsync()).Release.SetException(failure);

        Assert.Equal("A", await a.WaitAsync(Deadline));
        Assert.Same(failure, await Assert.ThrowsAsync<InvalidOperationException>(() => b.WaitAsync(Deadline)));
        Assert.Same(failure, await Assert.ThrowsAsync<InvalidOperationException>(() => c.WaitAsync(Deadline)));
        var d = committer.SubmitAsync("d");
        (await held.NextAsync()).Release.SetResult();
        Assert.Equal("D", await d.WaitAsync(Deadline));
    }

    [Fact]
    public async Task An_item_the_batch_rule_refuses_closes_the_batch_and_opens_the_next()
    {
        var held = new HeldBatches();
        // At most one item per letter in a batch, as AttemptWriter allows one attempt per delivery.
        await using var committer = new GroupCommitter<string, string>("test", 1, 512, held.WriteAsync, () =>
        {
            var letters = new HashSet<char>();
            return item => letters.Add(item[0]);
        });
        var first = committer.SubmitAsync("x0");
        var holding = await held.NextAsync();

        var items = new[] { "a1", "b1", "a2", "c1", "a3" };
        var tasks = items.Select(committer.SubmitAsync).ToArray();
        holding.Release.SetResult();
        var batches = new List<string[]>();
        for (var i = 0; i < 3; i++)
        {
            var batch = await held.NextAsync();
            batches.Add(batch.Items);
            batch.Release.SetResult();
        }

        // a2 is carried to the next batch, and that batch's rule has seen it: a3 is carried again.
        Assert.Equal([["a1", "b1"], ["a2", "c1"], ["a3"]], batches);
        Assert.Equal(["A1", "B1", "A2", "C1", "A3"], await Task.WhenAll(tasks).WaitAsync(Deadline));
        Assert.Equal("X0", await first.WaitAsync(Deadline));
    }

    [Fact]
    public async Task One_writer_writes_one_batch_at_a_time_in_submission_order()
    {
        var held = new HeldBatches();
        await using var committer = new GroupCommitter<string, string>("test", 1, 2, held.WriteAsync);
        var tasks = new List<Task<string>> { committer.SubmitAsync("0") };
        var batch = await held.NextAsync();
        tasks.AddRange(Enumerable.Range(1, 5).Select(i => committer.SubmitAsync(i.ToString())));

        var batches = new List<string[]> { batch.Items };
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(0, held.Waiting);
            batch.Release.SetResult();
            batch = await held.NextAsync();
            batches.Add(batch.Items);
        }
        batch.Release.SetResult();

        Assert.Equal([["0"], ["1", "2"], ["3", "4"], ["5"]], batches);
        Assert.Equal(["0", "1", "2", "3", "4", "5"], await Task.WhenAll(tasks).WaitAsync(Deadline));
    }

    [Fact]
    public async Task Several_writers_write_their_batches_at_the_same_time()
    {
        var held = new HeldBatches();
        await using var committer = new GroupCommitter<string, string>("test", 2, 512, held.WriteAsync);

        var a = committer.SubmitAsync("a");
        var first = await held.NextAsync();
        var b = committer.SubmitAsync("b");
        var second = await held.NextAsync();
        second.Release.SetResult();

        Assert.Equal(["a"], first.Items);
        Assert.Equal(["b"], second.Items);
        Assert.Equal("B", await b.WaitAsync(Deadline));
        Assert.False(a.IsCompleted);
        first.Release.SetResult();
        Assert.Equal("A", await a.WaitAsync(Deadline));
    }

    [Fact]
    public async Task Disposing_writes_what_was_submitted_then_refuses_new_items()
    {
        var held = new HeldBatches();
        var committer = new GroupCommitter<string, string>("test", 1, 512, held.WriteAsync);
        var a = committer.SubmitAsync("a");
        var first = await held.NextAsync();
        var b = committer.SubmitAsync("b");

        var disposing = committer.DisposeAsync().AsTask();
        first.Release.SetResult();
        (await held.NextAsync()).Release.SetResult();
        await disposing.WaitAsync(Deadline);

        Assert.Equal(["A", "B"], await Task.WhenAll(a, b));
        Assert.Equal("test", Assert.Throws<ObjectDisposedException>(() => { _ = committer.SubmitAsync("c"); }).ObjectName);
    }

    [Fact]
    public async Task A_full_queue_refuses_the_next_item_until_a_batch_takes_the_waiting_ones()
    {
        var held = new HeldBatches();
        await using var committer = new GroupCommitter<string, string>("test", 1, 512, held.WriteAsync, capacity: 2);
        var a = committer.SubmitAsync("a");
        var first = await held.NextAsync();
        var b = committer.SubmitAsync("b");
        var c = committer.SubmitAsync("c");

        var full = Assert.Throws<CommitQueueFullException>(() => { _ = committer.SubmitAsync("d"); });

        Assert.Equal(2, full.Capacity);
        first.Release.SetResult();
        var second = await held.NextAsync();
        Assert.Equal(["b", "c"], second.Items);
        var e = committer.SubmitAsync("e");
        second.Release.SetResult();
        (await held.NextAsync()).Release.SetResult();
        Assert.Equal(["A", "B", "C", "E"], await Task.WhenAll(a, b, c, e).WaitAsync(Deadline));
    }
}
