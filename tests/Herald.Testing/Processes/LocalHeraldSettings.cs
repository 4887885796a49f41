using System.Globalization;

namespace Herald.Testing.Processes;

/// <summary>
/// The environment of a Herald process (src/Api or src/Silo) that the bench and the reliability suite start on this
/// machine: shipped settings except what running beside a loopback receiver needs, and fresh ports.
/// </summary>
public static class LocalHeraldSettings
{
    public static Dictionary<string, string> Environment(string connectionString, string adminKey, string masterKey) => new()
    {
        ["ConnectionStrings__Herald"] = connectionString,
        ["Herald__AdminKey"] = adminKey,
        ["Herald__Secrets__MasterKey"] = masterKey,
        // The receivers are http:// on 127.0.0.1, which production refuses.
        ["Herald__Delivery__RequireHttps"] = "false",
        ["Herald__Delivery__AllowPrivateNetworks"] = "true",
        // The API's per-key limit (default 1,000 requests per second, fixed window) is a guard operators set; the tools
        // send with one key faster than that on a quiet machine and measure Herald, not the guard.
        ["Herald__RateLimit__PermitLimit"] = "1000000",
        ["Herald__Orleans__SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
        ["Herald__Orleans__GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
    };
}
