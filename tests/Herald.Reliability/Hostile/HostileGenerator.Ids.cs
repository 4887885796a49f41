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
        (string Method, string Path, string Body) route = random.Next(13) switch
        {
            0 => ("GET", $"/v1/webhooks/{id}", ""),
            1 => ("PATCH", $"/v1/webhooks/{id}", """{"description":"changed"}"""),
            2 => ("DELETE", $"/v1/webhooks/{id}", ""),
            3 => ("POST", $"/v1/webhooks/{id}/{Pick(random, ["enable", "disable", "test", "rotate-secret"])}", ""),
            4 => ("POST", $"/v1/webhooks/{id}/recover", """{"since":"2020-01-01T00:00:00Z"}"""),
            5 => ("POST", $"/v1/webhooks/{targets.WebhookA}/deliveries/{id}/retry", ""),
            6 => ("GET", $"/v1/webhooks/{id}/deliveries", ""),
            7 => ("GET", $"/v1/events/{id}", ""),
            8 => ("GET", $"/v1/accounts/{id}", ""),
            9 => ("PATCH", $"/v1/accounts/{id}", """{"name":"renamed"}"""),
            10 => ("POST", $"/v1/accounts/{id}/rotate-key", ""),
            11 => ("DELETE", $"/v1/webhooks?ids={id}", ""),
            _ => random.Next(2) == 0 ? ("GET", $"/v1/event-types/{id}", "") : ("PUT", $"/v1/event-types/{Pick(random, BadTypes)}", """{"description":"a thing"}"""),
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
            0 => ("PATCH", $"/v1/webhooks/{theirs}", """{"description":"taken over","url":"http://127.0.0.1:9/stolen"}"""),
            1 => ("DELETE", $"/v1/webhooks/{theirs}", ""),
            2 => ("POST", $"/v1/webhooks/{theirs}/{Pick(random, ["enable", "disable", "test", "rotate-secret"])}", ""),
            3 => ("POST", $"/v1/webhooks/{theirs}/recover", """{"since":"2020-01-01T00:00:00Z"}"""),
            4 => ("POST", $"/v1/webhooks/{theirs}/deliveries/{theirDelivery}/retry", ""),
            5 => ("GET", $"/v1/webhooks/{theirs}", ""),
            6 => ("GET", $"/v1/webhooks/{theirs}/deliveries", ""),
            7 => ("GET", $"/v1/events/{theirEvent}", ""),
            8 => ("GET", $"/v1/accounts/{theirAccount}", ""),
            9 => ("PATCH", $"/v1/accounts/{theirAccount}", """{"name":"taken over"}"""),
            10 => ("POST", $"/v1/accounts/{theirAccount}/rotate-key", """{"grace_period":"1h"}"""),
            11 => ("POST", "/v1/events", $$$"""{"type":"hostile.tick","account_id":"{{{theirAccount}}}","data":{"n":1}}"""),
            12 => ("POST", "/v1/webhooks", $$"""{"account_id":"{{theirAccount}}","url":"http://127.0.0.1:9/stolen","events":["*"]}"""),
            13 => ("GET", $"/v1/webhooks?account_id={theirAccount}", ""),
            14 => ("DELETE", $"/v1/webhooks?ids={theirs}", ""),
            15 => ("GET", $"/v1/events/{theirEvent}?account_id={theirAccount}", ""),
            _ => ("POST", $"/v1/webhooks/{theirs}/disable?account_id={theirAccount}", ""),
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

    private static RawRequest WithBody(RawRequest request, string body) => body.Length == 0 ? request : request.Json(body);
}
