using Herald.Abstractions.Webhooks;
using Herald.Grains.Delivery;
using Herald.Grains.Endpoints;
using Herald.Grains.Storage;
using Microsoft.Extensions.Options;

namespace Herald.Tests.Endpoints;

/// <summary>The queue window's rules, as pure logic: when a notice is the queue's next entry, and when the queue must be read.</summary>
public sealed class QueueWindowTests
{
    private static readonly DateTimeOffset Now = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static WindowBudget Budget(long bytes = 1 << 20) => new(Options.Create(new DeliveryOptions { QueueWindowBudgetBytes = bytes }));

    private static DeliveryNotice Notice(long seq, long previous, int bytes = 10) =>
        new($"dlv_{seq}", seq, previous, $"evt_{seq}", "test.event", new byte[bytes], Now);

    private static QueuedDelivery Row(long seq) => new($"dlv_{seq}", $"evt_{seq}", "test.event", new byte[10], 0, 0, Now, Now, seq);

    /// <summary>A window that has read its queue and found these places pending.</summary>
    private static QueueWindow ReadWindow(WindowBudget budget, int capacity, params long[] pending)
    {
        var window = new QueueWindow(budget, capacity);
        window.BeginRead();
        window.EndRead(pending.Select(Row).ToList(), 0, 64);
        return window;
    }

    [Fact]
    public void Notices_that_follow_on_from_what_was_read_are_the_queue_with_no_read()
    {
        var window = ReadWindow(Budget(), 16, 5);

        window.Offer(Notice(9, 5));
        window.Offer(Notice(12, 9));

        Assert.False(window.NeedsRead);
        Assert.Equal([5L, 9L, 12L], window.Entries.Select(e => e.Seq));
    }

    [Fact]
    public void A_first_notice_whose_previous_place_is_unknown_sends_the_endpoint_to_read_first()
    {
        var window = new QueueWindow(Budget(), 16);

        window.Offer(Notice(9, DeliveryNotice.UnknownPlace)); // rows may lie before it that no notice told of

        Assert.Empty(window.Entries);
        Assert.True(window.NeedsRead);
        Assert.Equal(0, window.StrictReadFrom);
    }

    [Fact]
    public void A_notice_after_a_gap_is_not_taken_and_the_queue_is_read_after_what_the_window_holds()
    {
        var window = ReadWindow(Budget(), 16, 5);

        window.Offer(Notice(12, 9)); // place 9 was never seen: its notice is late, or lost

        Assert.Equal([5L], window.Entries.Select(e => e.Seq));
        window.Remove(window.Head!, finishesPlace: true);
        Assert.True(window.NeedsRead);
        Assert.Equal(5, window.StrictReadFrom);
    }

    [Fact]
    public void A_notice_behind_the_window_makes_it_stale_and_the_read_starts_before_it()
    {
        var window = ReadWindow(Budget(), 16, 5);
        window.Offer(Notice(9, 5));

        window.Offer(Notice(7, 6)); // a place before the tail that the window does not hold

        Assert.True(window.NeedsRead);
        Assert.Equal(0, window.StrictReadFrom);
    }

    [Fact]
    public void A_late_repeat_of_a_delivered_notice_changes_nothing()
    {
        var window = ReadWindow(Budget(), 16, 4);
        window.Offer(Notice(5, 4));
        window.Remove(window.Head!, finishesPlace: true);
        window.Remove(window.Head!, finishesPlace: true);

        window.Offer(Notice(5, 4));

        Assert.False(window.NeedsRead);
        Assert.Empty(window.Entries);
    }

    [Fact]
    public void A_late_notice_is_known_for_the_last_64_deliveries_that_left_and_read_back_in_its_place_after_that()
    {
        var window = new QueueWindow(Budget(), 128);
        window.BeginRead();
        window.EndRead(Enumerable.Range(1, 65).Select(seq => Row(seq)).ToList(), 0, 100);
        while (window.Head is { } head)
        {
            window.Remove(head, finishesPlace: true);
        }

        window.Offer(Notice(2, 1)); // the oldest place the window still remembers
        Assert.False(window.NeedsRead);

        window.Offer(Notice(1, 0)); // forgotten: read back from the queue, in its place
        Assert.True(window.NeedsRead);
        Assert.Equal(0, window.StrictReadFrom);
    }

    [Theory]
    [InlineData(2, 1 << 20)] // the window's own capacity
    [InlineData(16, 25)]     // the silo's byte budget
    public void Notices_beyond_the_bound_are_dropped_and_read_back_after_the_tail(int capacity, long budgetBytes)
    {
        var budget = Budget(budgetBytes);
        var window = ReadWindow(budget, capacity, 1);

        window.Offer(Notice(2, 1));
        window.Offer(Notice(3, 2));

        Assert.Equal([1L, 2L], window.Entries.Select(e => e.Seq));
        Assert.Equal(20, budget.Used);
        window.Remove(window.Head!, finishesPlace: true);
        window.Remove(window.Head!, finishesPlace: true);
        Assert.Equal(0, budget.Used);
        Assert.True(window.NeedsRead);
        Assert.Equal(2, window.StrictReadFrom);
    }

    [Fact]
    public void Notices_that_arrive_during_a_read_are_taken_once_it_is_applied()
    {
        var window = new QueueWindow(Budget(), 16);
        window.BeginRead();
        window.Offer(Notice(4, 3)); // its row is in the read
        window.Offer(Notice(6, 4)); // committed after the read's snapshot

        window.EndRead([Row(3), Row(4)], 0, 64);

        Assert.False(window.NeedsRead);
        Assert.Equal([3L, 4L, 6L], window.Entries.Select(e => e.Seq));
    }

    [Fact]
    public void A_change_made_during_a_read_leaves_the_window_stale_after_it()
    {
        var window = new QueueWindow(Budget(), 16);
        window.BeginRead();

        window.MarkStale(); // a resend committed after the read's snapshot
        window.EndRead([Row(3)], 0, 64);

        Assert.True(window.NeedsRead);
        Assert.Equal(0, window.StrictReadFrom);
    }

    [Fact]
    public void Clearing_the_window_gives_its_bytes_back()
    {
        var budget = Budget();
        var window = new QueueWindow(budget, 16);
        window.EndRead([Row(3), Row(4)], 0, 64);
        Assert.Equal(20, budget.Used);

        window.Clear();

        Assert.Equal(0, budget.Used);
        Assert.True(window.NeedsRead);
    }
}
