using System.Text;
using Herald.Abstractions.Accounts;
using Herald.Abstractions.Ids;
using Herald.Abstractions.Signatures;
using Herald.Abstractions.Webhooks;
using Herald.Testing.Signatures;
using Herald.Tests.Infrastructure;
using Npgsql;

namespace Herald.Tests.Secrets;

[Collection(ClusterCollection.Name)]
public sealed class SecretsAtRestTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Grain_state_in_postgresql_holds_no_plain_secret_before_or_after_a_rotation()
    {
        const string standard = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        const string custom = "a-custom-secret-that-must-stay-sealed";
        var account = fixture.Cluster.GrainFactory.GetGrain<IAccountGrain>(HeraldId.New("acct"));
        await account.CreateAsync("at rest", AccountSettings.Default);
        var spec = TestWebhooks.Spec("http://127.0.0.1:9/hook", ["*"]);
        var first = (await account.CreateWebhookAsync(spec with { Secret = standard }))!;
        var second = (await account.CreateWebhookAsync(spec with { Secret = custom, Signature = new SignatureProfile
        {
            Scheme = SignatureScheme.HmacSha256,
            Header = "X-Signature",
        } }))!;
        var rotated = (await fixture.Cluster.GrainFactory.GetGrain<IEndpointGrain>(first.Webhook.Id).RotateSecretAsync(null, TimeSpan.FromHours(1)))!;

        var payloads = await EndpointPayloadsAsync(first.Webhook.Id, second.Webhook.Id);

        Assert.Equal(2, payloads.Count);
        // The control: the state's other strings are there to be found, so the secrets' absence means something.
        Assert.All(payloads, p => Assert.True(p.AsSpan().IndexOf("127.0.0.1:9/hook"u8) >= 0));
        foreach (var secret in new[] { standard, custom, rotated.Secret })
        {
            foreach (var payload in payloads)
            {
                AssertAbsent(payload, Encoding.UTF8.GetBytes(secret));
                AssertAbsent(payload, Encoding.Unicode.GetBytes(secret));
            }
        }
        var key = StandardWebhooks.DecodeSecret(standard);
        Assert.All(payloads, p => AssertAbsent(p, key));
    }

    private async Task<List<byte[]>> EndpointPayloadsAsync(params string[] endpointIds)
    {
        await using var dataSource = fixture.Database.CreateDataSource();
        await using var command = dataSource.CreateCommand(
            "select payloadbinary from orleansstorage where grainidextensionstring = any(@ids) and payloadbinary is not null");
        command.Parameters.AddWithValue("ids", endpointIds);
        var payloads = new List<byte[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            payloads.Add((byte[])reader[0]);
        }
        return payloads;
    }

    private static void AssertAbsent(byte[] payload, byte[] secret) =>
        Assert.True(payload.AsSpan().IndexOf(secret) < 0, "The stored grain state contains a secret in plain text.");
}
