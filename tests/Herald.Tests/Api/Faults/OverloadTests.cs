using System.Net;
using System.Net.Http.Json;
using Npgsql;

namespace Herald.Tests.Api.Faults;

/// <summary>PostgreSQL that cannot keep up (a test's transaction holds the events table), under a burst of publishes.</summary>
public sealed class OverloadTests(OverloadApiFixture fixture) : IClassFixture<OverloadApiFixture>
{
    private const int Burst = 10;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Publishes_beyond_the_queue_bound_are_refused_503_overloaded_at_once_and_those_held_are_accepted_when_PostgreSQL_moves()
    {
        var (accountId, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);
        await using var dataSource = fixture.Database.CreateDataSource();
        await using var blocker = await dataSource.OpenConnectionAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await new NpgsqlCommand("lock table herald_events in exclusive mode", blocker, transaction).ExecuteNonQueryAsync();

        // The first publish is the batch being written: it waits on the lock.
        var first = PublishAsync(client, "evt_first");
        await Eventually.ReturnsAsync(() => fixture.Database.ScalarAsync<long>(
            "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like 'insert into herald_events%'"), n => n == 1,
            Deadline, "the first batch waits on the lock");
        var burst = Enumerable.Range(0, Burst).Select(i => PublishAsync(client, $"evt_{i}")).ToList();

        // Two wait in the queue; the rest are refused while PostgreSQL is still held.
        await Eventually.ReturnsAsync(() => burst.Count(t => t.IsCompleted), n => n == Burst - 2, Deadline, "the refusals arrive");
        var refused = burst.Where(t => t.IsCompleted).Select(t => t.Result).ToList();
        foreach (var (_, response) in refused)
        {
            await ProblemAssert.IsRetryLaterAsync(response, HttpStatusCode.ServiceUnavailable, "overloaded");
        }
        Assert.False(first.IsCompleted);
        // Taken before the lock goes: once it does, the held publishes complete at once.
        var waiting = burst.Where(t => !t.IsCompleted).Append(first).ToList();

        await transaction.CommitAsync();
        var held = await Task.WhenAll(waiting).WaitAsync(Deadline);
        Assert.All(held, h => Assert.Equal(HttpStatusCode.Accepted, h.Response.StatusCode));
        var stored = await fixture.Database.TextColumnAsync("select event_id from herald_events where account_id = @a order by event_id", ("a", accountId));
        Assert.Equal(held.Select(h => h.EventId).Order(), stored);
    }

    private static async Task<(string EventId, HttpResponseMessage Response)> PublishAsync(HttpClient client, string eventId) =>
        (eventId, await client.PostAsJsonAsync("/v1/events", new { type = "load.tick", id = eventId, data = new { } }));
}
