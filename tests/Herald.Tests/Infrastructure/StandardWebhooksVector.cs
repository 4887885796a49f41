using System.Text;

namespace Herald.Tests.Infrastructure;

/// <summary>The Standard Webhooks specification's public test vector: this secret, id, timestamp and body sign to <see cref="Signature"/>.</summary>
public static class StandardWebhooksVector
{
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    public const string Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    public const long Timestamp = 1614265330;
    public const string Signature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    public static byte[] Body => Encoding.UTF8.GetBytes("{\"test\": 2432232314}");
}
