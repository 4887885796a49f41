using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Herald.Tests.Api.Faults;

/// <summary>Clients that send slowly, badly or too many connections, over real sockets of 127.0.0.1 (each bounded in time).</summary>
public sealed class SlowClientTests(SlowClientApiFixture fixture) : IClassFixture<SlowClientApiFixture>
{
    // Far above the 2 s limits the fixture sets, and below Kestrel's own defaults (30 s for headers).
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("POST", "/v1/events")]
    [InlineData("PATCH", "/v1/webhooks/{webhook}")]
    [InlineData("POST", "/v1/webhooks/{webhook}/rotate-secret")]
    public async Task A_body_that_arrives_too_slowly_is_answered_408_problem_and_logged_at_information_not_as_unhandled(string method, string path)
    {
        var (_, key) = await fixture.CreateAccountAsync();
        string webhook;
        using (var client = fixture.Client(key)) // closed before the raw connection: the fixture allows 3 per address
        {
            var created = await client.PostAsJsonAsync("/v1/webhooks", new { url = "http://127.0.0.1:9/slow", events = new[] { "*" } });
            webhook = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        }
        var target = path.Replace("{webhook}", webhook, StringComparison.Ordinal);
        await using var connection = await RawConnection.OpenAsync(fixture.Port);

        await connection.SendAsync(Head(method, target, key, "Content-Length: 1000") + "{\"type\":");
        var (answer, _) = await connection.ReadUntilClosedAsync(Bound);

        Assert.StartsWith("HTTP/1.1 408", answer);
        Assert.Contains("Content-Type: application/problem+json", answer);
        Assert.Contains("\"code\":\"request_timeout\"", answer);
        var entries = fixture.Logs.Entries;
        Assert.Contains(entries, e => e.Level == LogLevel.Information && e.Message.Contains($"{method} {target}: the request could not be read (408"));
        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Error && e.Exception is Microsoft.AspNetCore.Http.BadHttpRequestException);
    }

    [Fact]
    public async Task Headers_that_arrive_too_slowly_are_cut_after_the_header_timeout()
    {
        await using var connection = await RawConnection.OpenAsync(fixture.Port);

        await connection.SendAsync("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        var (_, closed) = await connection.ReadUntilClosedAsync(Bound);

        Assert.True(closed, $"the connection was still open after {Bound}");
    }

    [Fact]
    public async Task A_malformed_chunk_in_a_chunked_publish_is_400_problem()
    {
        var (_, key) = await fixture.CreateAccountAsync();
        await using var connection = await RawConnection.OpenAsync(fixture.Port);

        await connection.SendAsync(PublishHead(key, "Transfer-Encoding: chunked") + "5\r\n{\"typ\r\nzz\r\n\"x\"}\r\n0\r\n\r\n");
        var (answer, _) = await connection.ReadUntilClosedAsync(Bound);

        Assert.StartsWith("HTTP/1.1 400", answer);
        Assert.Contains("Content-Type: application/problem+json", answer);
        Assert.Contains("\"code\":\"bad_request\"", answer);
    }

    [Fact]
    public async Task A_chunk_size_past_64_bits_in_a_chunked_publish_is_400_problem_not_500()
    {
        var (_, key) = await fixture.CreateAccountAsync();
        await using var connection = await RawConnection.OpenAsync(fixture.Port);

        await connection.SendAsync(PublishHead(key, "Transfer-Encoding: chunked") + "FFFFFFFFFFFFFFFFFF\r\n{\"type\":\"a.b\",\"data\":{}}\r\n0\r\n\r\n");
        var (answer, _) = await connection.ReadUntilClosedAsync(Bound);

        Assert.StartsWith("HTTP/1.1 400", answer);
        Assert.Contains("Content-Type: application/problem+json", answer);
        Assert.Contains("\"code\":\"bad_request\"", answer);
        Assert.DoesNotContain(fixture.Logs.Entries, e => e.Level >= LogLevel.Error && e.Exception is IOException);
    }

    [Fact]
    public async Task A_chunked_publish_is_read_to_the_request_limit_accepted_within_it_and_answered_413_problem_beyond()
    {
        var (account, key) = await fixture.CreateAccountAsync();
        await using var connection = await RawConnection.OpenAsync(fixture.Port);

        await connection.SendAsync(PublishHead(key, "Transfer-Encoding: chunked") + Chunked("""{"type":"a.b","data":{"n":1}}"""));
        var accepted = await connection.ReadAnswerAsync(Bound);
        await connection.SendAsync(PublishHead(key, "Transfer-Encoding: chunked") +
                                   Chunked("{\"type\":\"a.b\",\"data\":{\"blob\":\"" + new string('x', 300 * 1024) + "\"}}"));
        var tooLarge = await connection.ReadAnswerAsync(Bound);

        Assert.StartsWith("HTTP/1.1 202", accepted);
        Assert.StartsWith("HTTP/1.1 413", tooLarge);
        Assert.Contains("Content-Type: application/problem+json", tooLarge);
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>("select count(*) from herald_events where account_id = @a", ("a", account)));
    }

    [Fact]
    public async Task A_client_address_may_hold_only_its_allowance_of_connections()
    {
        var held = new List<RawConnection>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var connection = await RawConnection.OpenAsync(fixture.Port);
                held.Add(connection);
                await connection.SendAsync("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                Assert.StartsWith("HTTP/1.1 200", await connection.ReadAnswerAsync(Bound));
            }

            await using (var refused = await RawConnection.OpenAsync(fixture.Port))
            {
                await refused.SendAsync("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                var (answer, closed) = await refused.ReadUntilClosedAsync(Bound);
                Assert.True(closed && answer.Length == 0, $"a fourth connection was served: {answer}");
            }

            await held[0].DisposeAsync();
            held.RemoveAt(0);
            Assert.True(await Eventually.HoldsAsync(async () =>
            {
                await using var next = await RawConnection.OpenAsync(fixture.Port);
                await next.SendAsync("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
                return (await next.ReadUntilClosedAsync(Bound)).Text.StartsWith("HTTP/1.1 200", StringComparison.Ordinal);
            }, Bound), "a connection was refused after another one closed");
        }
        finally
        {
            foreach (var connection in held)
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary><paramref name="json"/> as a chunked body of 8 KiB chunks, with its last chunk.</summary>
    private static string Chunked(string json) =>
        string.Concat(json.Chunk(8 * 1024).Select(chunk => $"{chunk.Length:X}\r\n{new string(chunk)}\r\n")) + "0\r\n\r\n";

    /// <summary>The request line and headers of a publish with the given body framing, up to the body.</summary>
    private static string PublishHead(string key, string framing) => Head("POST", "/v1/events", key, framing);

    /// <summary>The request line and headers of a request with a JSON body of the given framing, up to the body.</summary>
    private static string Head(string method, string path, string key, string framing) =>
        $"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {key}\r\nContent-Type: application/json\r\n{framing}\r\n\r\n";
}
