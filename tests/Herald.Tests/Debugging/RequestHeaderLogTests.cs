using System.Text.Json;
using Herald.Abstractions.Signatures;
using Herald.Grains.Delivery;

namespace Herald.Tests.Debugging;

public sealed class RequestHeaderLogTests
{
    private static Dictionary<string, string> Logged(SignatureProfile profile, params (string Name, string Value)[] headers) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(
            RequestHeaderLog.Write(headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)).ToList(), profile))!;

    [Fact]
    public void Standard_signatures_keep_their_version_and_lose_their_digests()
    {
        var logged = Logged(SignatureProfile.StandardWebhooks,
            ("webhook-id", "evt_1"), ("webhook-timestamp", "1700000000"), ("webhook-signature", "v1,abc= v1,def="), ("User-Agent", "Herald"));

        Assert.Equal("v1,**** v1,****", logged["webhook-signature"]);
        Assert.Equal(("evt_1", "1700000000", "Herald", "application/json"),
            (logged["webhook-id"], logged["webhook-timestamp"], logged["User-Agent"], logged["Content-Type"]));
    }

    [Fact]
    public void A_custom_profile_keeps_its_prefix_on_both_signature_headers()
    {
        var profile = new SignatureProfile { Scheme = SignatureScheme.HmacSha256, Header = "X-Sig", Prefix = "sha256=" };

        var logged = Logged(profile, ("X-Sig", "sha256=0a1b"), ("X-Sig-Previous", "sha256=2c3d"), ("Herald-Event-Id", "evt_1"));

        Assert.Equal(("sha256=****", "sha256=****", "evt_1"), (logged["X-Sig"], logged["X-Sig-Previous"], logged["Herald-Event-Id"]));
    }

    [Theory]
    [InlineData("X-Api-Key", true)]
    [InlineData("X-Auth", true)]
    [InlineData("X-Access-Token", true)]
    [InlineData("X-Client-Secret", true)]
    [InlineData("X-Session", true)]
    [InlineData("X-Team", false)]
    [InlineData("X-Region", false)]
    public void Custom_headers_named_like_credentials_are_masked(string name, bool masked)
    {
        var logged = Logged(SignatureProfile.StandardWebhooks, (name, "value-1"));

        Assert.Equal(masked ? RequestHeaderLog.Masked : "value-1", logged[name]);
    }
}
