using System.Globalization;
using Herald.Abstractions.Signatures;
using Herald.Grains.Endpoints;
using Herald.Verification;

namespace Herald.Grains.Signing;

/// <summary>
/// The headers that identify and sign one delivery attempt under the endpoint's profile. While a rotated-out secret
/// is still within its grace period (compared with the attempt's time), it signs too: Standard Webhooks lists both
/// <c>v1,</c> signatures in <c>webhook-signature</c>; a custom profile sends the previous secret's signature in
/// <c>{header}-Previous</c>.
/// </summary>
public sealed class DeliverySigner(EndpointSecrets secrets)
{
    public const string EventIdHeader = HmacProfile.DefaultIdHeader;

    public List<KeyValuePair<string, string>> Sign(string endpointId, EndpointState endpoint, string eventId, string eventType, byte[] body, DateTimeOffset now)
    {
        var profile = endpoint.Signature;
        var timestamp = now.ToUnixTimeSeconds();
        var unixSeconds = timestamp.ToString(CultureInfo.InvariantCulture);
        var keys = secrets.SigningKeys(endpointId, endpoint, now);
        if (profile.ToHmacProfile() is not { } hmac)
        {
            return
            [
                new(StandardWebhookSigner.IdHeader, eventId),
                new(StandardWebhookSigner.TimestampHeader, unixSeconds),
                new(StandardWebhookSigner.SignatureHeader, string.Join(' ', keys.Select(k => WebhookSignature.Standard(k, eventId, timestamp, body)))),
            ];
        }
        var headers = new List<KeyValuePair<string, string>>
        {
            new(hmac.EventIdHeader, eventId),
            new(hmac.Header, WebhookSignature.Hmac(keys[0], hmac, eventId, timestamp, body)),
        };
        if (keys.Count > 1)
        {
            headers.Add(new(hmac.PreviousHeader, WebhookSignature.Hmac(keys[1], hmac, eventId, timestamp, body)));
        }
        if (hmac.TimestampHeader is { } timestampHeader)
        {
            headers.Add(new(timestampHeader, unixSeconds));
        }
        if (profile.EventHeader is { } eventHeader)
        {
            headers.Add(new(eventHeader, eventType));
        }
        return headers;
    }
}
