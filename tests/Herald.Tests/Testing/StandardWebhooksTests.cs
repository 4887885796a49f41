using System.Text;
using Herald.Testing.Signatures;
using static Herald.Tests.Infrastructure.StandardWebhooksVector;

namespace Herald.Tests.Testing;

/// <summary>The bench's independent Standard Webhooks check (Herald.Testing), held to the specification's public test vector.</summary>
public sealed class StandardWebhooksTests
{
    private static readonly byte[] Key = StandardWebhooks.DecodeSecret(Secret);

    [Fact]
    public void Signs_the_public_test_vector() =>
        Assert.Equal(Signature, StandardWebhooks.Sign(Key, Id, Timestamp, Body));

    [Fact]
    public void Verifies_when_any_of_several_signatures_matches() =>
        Assert.True(StandardWebhooks.Verify(Key, Id, "1614265330", "v1,bm90LXRoaXMtb25l " + Signature, Body));

    [Theory]
    [InlineData(Id, "1614265331", "{\"test\": 2432232314}")]
    [InlineData("msg_other", "1614265330", "{\"test\": 2432232314}")]
    [InlineData(Id, "1614265330", "{\"test\": 2432232315}")]
    [InlineData(Id, "not-a-number", "{\"test\": 2432232314}")]
    public void Refuses_an_altered_timestamp_id_or_body(string id, string timestamp, string body) =>
        Assert.False(StandardWebhooks.Verify(Key, id, timestamp, Signature, Encoding.UTF8.GetBytes(body)));
}
