using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Herald.Api.Json;
using Herald.Grains.Routing;
using Herald.Tests.Api;
using Herald.Tests.Infrastructure;
using Herald.Tests.Payloads;
using Herald.Tests.Signatures;

namespace Herald.Tests.Samples;

[Collection(SignaturesApiCollection.Name)]
public sealed class SamplePlatformTests(ApiFixture fixture)
{
    public static TheoryData<string> Platforms => new(SampleFiles.Platforms);

    [Theory]
    [MemberData(nameof(Platforms))]
    public async Task A_sample_loads_through_the_api_and_its_deliveries_verify_with_the_platforms_own_receiver_code(string platform)
    {
        var sample = SampleFiles.Load(platform);
        await using var receiver = await Receiver.StartAsync();

        var (accountStatus, account, accountText) = await fixture.Client(ApiFixture.AdminKey)
            .SendAsync(HttpMethod.Post, "/v1/accounts", sample.GetProperty("account").GetRawText());
        Assert.True(accountStatus == HttpStatusCode.Created, accountText);
        AssertSettingsShown(sample.GetProperty("account"), account);
        var client = fixture.Client(account.GetProperty("api_key").GetString());

        var webhookBody = JsonNode.Parse(sample.GetProperty("webhook").GetRawText())!.AsObject();
        webhookBody["url"] = receiver.Url($"/webhooks/{platform}");
        var (_, secret, webhook) = await client.CreateWebhookAsync(webhookBody.ToJsonString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(account.GetProperty("signature").GetRawText()),
            JsonNode.Parse(webhook.GetProperty("signature").GetRawText())));
        Assert.Equal(account.GetProperty("timeout_seconds").GetInt32(), webhook.GetProperty("timeout_seconds").GetInt32());
        if (sample.GetProperty("webhook").TryGetProperty("secret", out var supplied))
        {
            Assert.Equal(supplied.GetString(), secret);
        }

        var signature = sample.GetProperty("account").GetProperty("signature");
        var idHeader = signature.TryGetProperty("id_header", out var id) ? id.GetString()! : "Herald-Event-Id";
        var canonical = sample.GetProperty("account").GetProperty("canonical_json").GetBoolean();
        foreach (var published in sample.GetProperty("events").EnumerateArray())
        {
            var request = await client.PublishAndReceiveAsync(receiver, published.GetRawText(), idHeader);

            var payload = published.GetProperty("payload").GetRawText();
            var expected = canonical ? (await EcmaJsonTests.NodeStringifyAsync([payload]))[0] : payload;
            Assert.Equal(expected, Encoding.UTF8.GetString(request.Body));
            var (verified, output) = await NodeScript.VerifyAsync($"seeds/{platform}.mjs", secret, request);
            Assert.True(verified, $"{platform}: {output}");
        }
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public void A_samples_event_catalog_is_a_set_of_catalog_bodies_covering_its_webhook_and_events(string platform)
    {
        var sample = SampleFiles.Load(platform);
        var types = sample.GetProperty("event_types").EnumerateObject().ToList();

        Assert.NotEmpty(types);
        foreach (var type in types)
        {
            Assert.True(EventTypePattern.IsValidType(type.Name), type.Name);
            Assert.Equal(["category", "description"], type.Value.EnumerateObject().Select(p => p.Name).Order());
            Assert.False(string.IsNullOrWhiteSpace(type.Value.GetProperty("description").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(type.Value.GetProperty("category").GetString()));
        }
        var names = types.Select(t => t.Name).ToList();
        Assert.All(sample.GetProperty("webhook").GetProperty("events").EnumerateArray(),
            pattern => Assert.Contains(names, name => EventTypePattern.Matches(pattern.GetString()!, name)));
        Assert.All(sample.GetProperty("events").EnumerateArray(), e => Assert.Contains(e.GetProperty("type").GetString(), names));
    }

    /// <summary>The account answers with every setting the sample gives, durations compared as durations.</summary>
    private static void AssertSettingsShown(JsonElement given, JsonElement shown)
    {
        foreach (var setting in given.EnumerateObject())
        {
            var actual = shown.GetProperty(setting.Name);
            switch (setting.Name)
            {
                case "retry":
                    AssertSameRetry(setting.Value, actual);
                    break;
                default:
                    Assert.True(JsonNode.DeepEquals(JsonNode.Parse(setting.Value.GetRawText()), JsonNode.Parse(actual.GetRawText())),
                        $"{setting.Name}: gave {setting.Value.GetRawText()}, shown {actual.GetRawText()}");
                    break;
            }
        }
    }

    private static void AssertSameRetry(JsonElement given, JsonElement shown)
    {
        if (given.TryGetProperty("schedule", out var schedule))
        {
            Assert.Equal(schedule.EnumerateArray().Select(d => ParseDuration(d.GetString())),
                shown.GetProperty("schedule").EnumerateArray().Select(d => ParseDuration(d.GetString())));
        }
        else
        {
            var (g, s) = (given.GetProperty("exponential"), shown.GetProperty("exponential"));
            Assert.Equal(ParseDuration(g.GetProperty("base").GetString()), ParseDuration(s.GetProperty("base").GetString()));
            Assert.Equal(g.GetProperty("factor").GetDouble(), s.GetProperty("factor").GetDouble());
            Assert.Equal(g.GetProperty("max_attempts").GetInt32(), s.GetProperty("max_attempts").GetInt32());
        }
        if (given.TryGetProperty("retry_client_errors", out var retryClientErrors))
        {
            Assert.Equal(retryClientErrors.GetBoolean(), shown.GetProperty("retry_client_errors").GetBoolean());
        }
    }

    private static TimeSpan ParseDuration(string? text) => Duration.TryParse(text, out var value) ? value : throw new FormatException(text);
}
