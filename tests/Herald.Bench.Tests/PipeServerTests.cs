using System.Net;
using System.Net.Http.Headers;
using Herald.Bench.Infrastructure;
using Herald.Grains.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Herald.Bench.Tests;

/// <summary>
/// The pipe server as the bench runs it (a child process of Herald.Bench) against the project's PostgreSQL
/// (scripts/postgres.sh start; HERALD_TEST_PG overrides the server) and the bench's receiver on 127.0.0.1.
/// </summary>
public sealed class PipeServerTests : IAsyncLifetime
{
    private static readonly string ServerConnectionString =
        Environment.GetEnvironmentVariable("HERALD_TEST_PG") ?? "Host=127.0.0.1;Port=55432;Username=herald;Password=herald;Database=postgres";

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly string _log = Path.Combine(Path.GetTempPath(), $"herald-pipe-{Guid.NewGuid():N}.log");
    private BenchDatabase _database = null!;
    private Receiver _receiver = null!;
    private BenchPipe _pipe = null!;

    public async Task InitializeAsync()
    {
        _database = await BenchDatabase.CreateAsync(ServerConnectionString, keep: false);
        // The bench's tables are copies of Herald's, which Herald migrates as it starts; here the migrator does it.
        await new SchemaMigrator(_database.DataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        await BenchTables.ResetAsync(_database);
        _receiver = await Receiver.StartAsync();
        _pipe = await BenchPipe.StartAsync(_database.ConnectionString, _receiver, _log, concurrency: 8);
    }

    [Fact]
    public async Task Every_event_accepted_with_forwarding_on_is_durable_and_arrives_signed()
    {
        var tracker = _receiver.Track(new Tracker(signatureSampleEvery: 1));
        await _pipe.ForwardAsync(on: true);
        var ids = Enumerable.Range(0, 300).Select(i => $"evt-{i:D4}").ToArray();

        var accepted = await Task.WhenAll(ids.Select((id, i) => _pipe.PublishAsync(Payloads.Publish("bench.test", id, i))));

        Assert.All(accepted, Assert.True);
        // A 202 means committed: every event and its delivery are in the tables as soon as the publishes answered.
        Assert.Equal(ids.Length, await _database.ScalarAsync<long>("select count(*) from bench_events where event_id like 'evt-%'"));
        Assert.Equal(ids.Length, await _database.ScalarAsync<long>("select count(*) from bench_deliveries where event_id like 'evt-%'"));
        Assert.True(await tracker.WaitForAsync(ids.Length, Deadline), $"{tracker.Delivered.Count} of {ids.Length} arrived:\n{_pipe.Process.Tail()}");
        Assert.Equal(ids.Select(id => $"{BenchPipe.Path} {id}").Order(), tracker.Delivered.Keys.Order());
        Assert.Equal(ids.Length, tracker.SignaturesChecked);
        Assert.Equal(0, tracker.SignaturesBad);
        Assert.True(await CountReachesAsync("select count(*) from bench_deliveries where status = 'succeeded'", ids.Length), "not every delivery was recorded as succeeded");
        Assert.Equal(ids.Length, await _database.ScalarAsync<long>("select count(*) from bench_attempts where succeeded"));
    }

    [Fact]
    public async Task A_strict_drain_sends_the_pending_deliveries_one_at_a_time_in_order_and_records_each()
    {
        await _pipe.ForwardAsync(on: false);
        var ids = Enumerable.Range(0, 100).Select(i => $"held-{i:D4}").ToArray();
        var accepted = await Task.WhenAll(ids.Select((id, i) => _pipe.PublishAsync(Payloads.Publish("bench.test", id, i))));
        Assert.All(accepted, Assert.True);
        var tracker = _receiver.Track(new Tracker(signatureSampleEvery: 1, recordOrder: true));

        var outcome = await _pipe.DrainAsync(concurrency: 1, Deadline);

        Assert.Equal((ids.Length, 0L), (outcome.Delivered, outcome.Failed));
        Assert.Equal(ids, tracker.Order[BenchPipe.Path]);
        Assert.Equal(0, tracker.SignaturesBad);
        Assert.Equal(ids.Length, await _database.ScalarAsync<long>("select count(*) from bench_deliveries where status = 'succeeded'"));
    }

    [Fact]
    public async Task A_body_that_is_not_a_publish_is_refused_and_stores_nothing()
    {
        using var content = new StringContent("""{"type":"bench.test","data":{}}""", new MediaTypeHeaderValue("application/json"));

        using var response = await _pipe.Http.PostAsync("/events", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await _database.ScalarAsync<long>("select count(*) from bench_events"));
    }

    private Task<bool> CountReachesAsync(string sql, long expected) =>
        Herald.Testing.Eventually.HoldsAsync(async () => await _database.ScalarAsync<long>(sql) >= expected, Deadline);

    public async Task DisposeAsync()
    {
        await _pipe.DisposeAsync();
        await _receiver.DisposeAsync();
        await _database.DisposeAsync();
        File.Delete(_log);
    }
}
