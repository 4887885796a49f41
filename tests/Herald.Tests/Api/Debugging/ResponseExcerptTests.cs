using System.Text;
using Herald.Tests.Infrastructure;
using Herald.Tests.Signatures;

namespace Herald.Tests.Api.Debugging;

public sealed class ResponseExcerptTests(ExcerptApiFixture fixture) : IClassFixture<ExcerptApiFixture>
{
    [Fact]
    public async Task The_excerpt_keeps_as_many_bytes_as_configured()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.Behave = (_, _) => new Reply(Body: Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("0123456789", 1000))));
        var client = fixture.Client((await fixture.CreateAccountAsync()).Key);
        var (webhook, _, _) = await client.CreateWebhookAsync(new { url = receiver.Url(), events = new[] { "*" } });
        await client.PublishAndReceiveAsync(receiver, new { type = "a.b", data = new { } });

        var (_, attempts, _) = await Eventually.ReturnsAsync(() => client.SendAsync(HttpMethod.Get, $"/v1/webhooks/{webhook}/attempts"),
            r => r.Body.GetProperty("data").GetArrayLength() == 1, what: "attempt logged");

        Assert.Equal(string.Concat(Enumerable.Repeat("0123456789", 10)), attempts.GetProperty("data")[0].GetProperty("response_excerpt").GetString());
    }
}
