using System.Text;
using Herald.Testing.Signatures;

namespace Herald.Tests.Testing;

/// <summary>The bench's independent Standard Webhooks check (Herald.Testing), held to the specification's public test vector.</summary>
public sealed class StandardWebhooksTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const string Signature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static readonly byte[] Key = StandardWebhooks.DecodeSecret(Secret);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"test\": 2432232314}");

    [Fact]
    public void Signs_the_public_test_vector() =>
        Assert.Equal(Signature, StandardWebhooks.Sign(Key, Id, 1614265330, Body));

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
