namespace Herald.Tests.Infrastructure;

/// <summary>The third-party Standard Webhooks verifiers (npm <c>standardwebhooks</c> and <c>svix</c>) over a received delivery.</summary>
public static class StandardWebhooksNode
{
    public static Task<(bool Verified, string Output)> VerifyAsync(string secret, ReceivedRequest request) =>
        NodeScript.VerifyAsync("verify-standard.mjs", secret, request);

    public static Task<(bool Verified, string Output)> VerifyWithSvixAsync(string secret, ReceivedRequest request) =>
        NodeScript.VerifyAsync("verify-svix.mjs", secret, request);
}
