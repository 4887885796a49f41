using System.Net;
using System.Text;
using System.Text.Json;
using Herald.Tests.Api;
using Herald.Tests.Infrastructure;
using Herald.Tests.Payloads;

namespace Herald.Tests.Signatures;

[Collection(SignaturesApiCollection.Name)]
public sealed class PayloadApiTests(ApiFixture fixture)
{
    /// <summary>Non-ASCII text, emoji, escaped quotes, integers up to 2^53, 12.50 and 1e3, nested arrays, integer-like keys.</summary>
    private const string Tricky = """
        { "name": "Zoë \"the\" Ünïcødé – 日本語 😀", "path": "C:\\tmp\/x", "big": 9007199254740992, "amount": 12.50,
          "thousand": 1e3, "tiny": 1.5e-7, "nested": [[1, [2.0, [3e0]]], [], [{}]], "2": "two", "1": "one", "esc": "\u00e9\n\t" }
        """;

    [Fact]
    public async Task An_envelope_arrives_byte_identical_to_json_stringify_of_its_parse()
    {
        await using var receiver = await Receiver.StartAsync();
        var client = fixture.Client((await fixture.CreateAccountAsync()).Key);
        var (_, secret, _) = await client.CreateWebhookAsync(new { url = receiver.Url(), events = new[] { "*" } });

        var request = await client.PublishAndReceiveAsync(receiver, $$"""{"type":"invoice.paid","id":"evt_tricky","data":{{Tricky}}}""");

        var body = Encoding.UTF8.GetString(request.Body);
        var node = await EcmaJsonTests.NodeStringifyAsync([body, Tricky]);
        Assert.Equal(node[0], body);
        Assert.StartsWith("""{"id":"evt_tricky","type":"invoice.paid","timestamp":""", body);
        Assert.EndsWith($$""","data":{{node[1]}}}""", body);
        Assert.Contains("Zoë \\\"the\\\" Ünïcødé – 日本語 😀", body);
        Assert.Contains("\"amount\":12.5,\"thousand\":1000", body);
        var (verified, output) = await StandardWebhooksNode.VerifyAsync(secret, request);
        Assert.True(verified, output);
    }

    [Fact]
    public async Task A_payload_arrives_byte_for_byte_as_published()
    {
        await using var receiver = await Receiver.StartAsync();
        var client = fixture.Client((await fixture.CreateAccountAsync()).Key);
        await client.CreateWebhookAsync(new { url = receiver.Url(), events = new[] { "*" } });

        var request = await client.PublishAndReceiveAsync(receiver, $$"""{"type":"invoice.paid","payload":{{Tricky}}}""");

        Assert.Equal(Tricky, Encoding.UTF8.GetString(request.Body));
    }

    [Fact]
    public async Task With_canonical_json_a_payload_arrives_as_json_stringify_writes_it_and_its_signature_covers_those_bytes()
    {
        await using var receiver = await Receiver.StartAsync();
        var (accountId, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);
        var patched = await fixture.Client(ApiFixture.AdminKey).SendAsync(HttpMethod.Patch, $"/v1/accounts/{accountId}", new { canonical_json = true });
        var (_, secret, _) = await client.CreateWebhookAsync(new { url = receiver.Url(), events = new[] { "*" } });

        var request = await client.PublishAndReceiveAsync(receiver, $$"""{"type":"invoice.paid","payload":{{Tricky}}}""");

        Assert.Equal(HttpStatusCode.OK, patched.Status);
        Assert.True(patched.Body.GetProperty("canonical_json").GetBoolean());
        var node = await EcmaJsonTests.NodeStringifyAsync([Tricky]);
        Assert.Equal(node[0], Encoding.UTF8.GetString(request.Body));
        Assert.StartsWith("""{"1":"one","2":"two","name":""", node[0]);
        var (verified, output) = await StandardWebhooksNode.VerifyAsync(secret, request);
        Assert.True(verified, output);
    }

    [Fact]
    public async Task Accounts_show_canonical_json_off_by_default()
    {
        var (accountId, key) = await fixture.CreateAccountAsync();

        var (_, account, _) = await fixture.Client(key).SendAsync(HttpMethod.Get, $"/v1/accounts/{accountId}");

        Assert.False(account.GetProperty("canonical_json").GetBoolean());
        Assert.Equal("""{"scheme":"standard-webhooks"}""", account.GetProperty("signature").GetRawText());
    }
}
