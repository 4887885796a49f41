namespace Herald.Reliability.Hostile;

/// <summary>Ids no resource has, and ids of the other account's resources.</summary>
public sealed partial class HostileGenerator
{
    private static readonly string[] BadSegments =
    [
        "..", "%2e%2e", "%2F", "wh_" + new string('z', 300), "wh_%00", "%00", "wh_%FF%FE", "wh_%C0%AF", "wh_%27%3B--", "wh_%0D%0AX-Injected:1",
        "%E2%80%AE", "wh_%20", "wh_%F0%9F%98%80", "*", "acct_x", "evt_x", new string('9', 40), "wh_01" + new string('A', 26), "WH_01", "wh_a%2Fb",
        "%25", "wh_", "%u0000", "wh_\\x00", "%C3%28",
    ];

    /// <summary>Event types no catalog entry may have (most of <see cref="BadSegments"/> are valid type names, so a PUT would create them).</summary>
    private static readonly string[] BadTypes = ["..", "%2e%2e", "*", "server.*", "a..b", "%F0%9F%98%80", "wh_%27%3B--", new string('t', 300), "%E2%80%AE", "a%20b"];

    private Shaped BadId(Random random)
    {
        var id = Pick(random, BadSegments);
        (string Method, string Path, string Body) route = random.Next(14) switch
        {
            12 => ("GET", $"/v1/event-types/{id}", ""),
            13 => ("PUT", $"/v1/event-types/{Pick(random, BadTypes)}", """{"description":"a thing"}"""),
            var n => Addressed(random, id, id, id, id)[n],
        };
        var caller = route.Path.StartsWith("/v1/event-types", StringComparison.Ordinal) || random.Next(5) == 0 ? "admin" : "a";
        // A NUL byte in the path is refused by the server itself, before Herald's code runs.
        return new Shaped($"{route.Method} {route.Path}: an id nothing has", WithBody(Authorized(new RawRequest(route.Method, route.Path), caller), route.Body), caller,
            HttpLevel: route.Path.Contains("%00", StringComparison.Ordinal));
    }

    /// <summary>
    /// One account's key on the other account's resources, with bodies that would be valid on its own; and the admin
    /// key naming an account that does not own the webhook.
    /// </summary>
    private Shaped OtherAccount(Random random)
    {
        var (caller, theirs, theirAccount, theirEvent, theirDelivery) = random.Next(2) == 0
            ? ("a", targets.WebhookB, targets.AccountB, targets.EventB, targets.DeliveryB)
            : ("b", targets.WebhookA, targets.AccountA, targets.EventA, targets.DeliveryA);
        (string Method, string Path, string Body) route = random.Next(17) switch
        {
            12 => ("POST", "/v1/events", $$$"""{"type":"hostile.tick","account_id":"{{{theirAccount}}}","data":{"n":1}}"""),
            13 => ("POST", "/v1/webhooks", $$"""{"account_id":"{{theirAccount}}","url":"http://127.0.0.1:9/stolen","events":["*"]}"""),
            14 => ("GET", $"/v1/webhooks?account_id={theirAccount}", ""),
            15 => ("GET", $"/v1/events/{theirEvent}?account_id={theirAccount}", ""),
            16 => ("POST", $"/v1/webhooks/{theirs}/disable?account_id={theirAccount}", ""),
            var n => Addressed(random, theirs, theirDelivery, theirEvent, theirAccount)[n],
        };
        if (random.Next(4) == 0)
        {
            // The admin acting for an account that does not own the webhook (issue 11: some routes ignored account_id).
            var target = caller == "a" ? targets.WebhookA : targets.WebhookB;
            route = random.Next(6) switch
            {
                0 => ("PATCH", $"/v1/webhooks/{target}?account_id={theirAccount}", """{"description":"taken over"}"""),
                1 => ("DELETE", $"/v1/webhooks/{target}?account_id={theirAccount}", ""),
                2 => ("POST", $"/v1/webhooks/{target}/rotate-secret?account_id={theirAccount}", "{}"),
                3 => ("POST", $"/v1/webhooks/{target}/test?account_id={theirAccount}", ""),
                4 => ("DELETE", $"/v1/webhooks?ids={target}&account_id={theirAccount}", ""),
                _ => ("POST", $"/v1/webhooks/{target}/{Pick(random, ["enable", "disable"])}?account_id={theirAccount}", ""),
            };
            caller = "admin";
        }
        return new Shaped($"{route.Method} {route.Path} with {(caller == "admin" ? "the admin key" : $"account {caller.ToUpperInvariant()}'s key")}",
            WithBody(Authorized(new RawRequest(route.Method, route.Path), caller), route.Body), caller);
    }

    /// <summary>The twelve routes that name a resource, each with a body that would be valid there: which ids they name is the caller's choice.</summary>
    private static (string Method, string Path, string Body)[] Addressed(Random random, string webhook, string delivery, string eventId, string account) =>
    [
        ("GET", $"/v1/webhooks/{webhook}", ""),
        ("PATCH", $"/v1/webhooks/{webhook}", """{"description":"taken over","url":"http://127.0.0.1:9/stolen"}"""),
        ("DELETE", $"/v1/webhooks/{webhook}", ""),
        ("POST", $"/v1/webhooks/{webhook}/{Pick(random, ["enable", "disable", "test", "rotate-secret"])}", ""),
        ("POST", $"/v1/webhooks/{webhook}/recover", """{"since":"2020-01-01T00:00:00Z"}"""),
        ("POST", $"/v1/webhooks/{webhook}/deliveries/{delivery}/retry", ""),
        ("GET", $"/v1/webhooks/{webhook}/deliveries", ""),
        ("GET", $"/v1/events/{eventId}", ""),
        ("GET", $"/v1/accounts/{account}", ""),
        ("PATCH", $"/v1/accounts/{account}", """{"name":"taken over"}"""),
        ("POST", $"/v1/accounts/{account}/rotate-key", """{"grace_period":"1h"}"""),
        ("DELETE", $"/v1/webhooks?ids={webhook}", ""),
    ];

    private static RawRequest WithBody(RawRequest request, string body) => body.Length == 0 ? request : request.Json(body);
}
