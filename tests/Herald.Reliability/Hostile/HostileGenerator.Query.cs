namespace Herald.Reliability.Hostile;

/// <summary>Query strings no list accepts: limits that are not whole numbers or too large or repeated, cursors with NUL bytes, bad ids, filters and times that are not what the debugging lists read.</summary>
public sealed partial class HostileGenerator
{
    private static readonly string[] BadLimits =
    [
        "limit=abc", "limit=-1", "limit=0", "limit=1.5", "limit=1e3", "limit=99999999999999999999", "limit=%00", "limit=", "limit=%205",
        "limit=0x10", "limit=%D9%A1%D9%A2", "limit=1&limit=2", "limit[]=1", "limit=2147483648", "limit=-2147483649", "limit=%FF",
    ];

    private static readonly string[] BadCursors =
    [
        "cursor=%00", "cursor=abc%00def", "cursor=%FF", "cursor=" + new string('c', 5000), "cursor=%27%20or%201%3D1--", "cursor=wh_zzz",
        "cursor=%C0%AF", "cursor=a&cursor=b", "cursor=%E2%80%AE", "cursor=\\u0000",
    ];

    private static readonly string[] BadOthers =
    [
        "account_id=%00", "account_id=" + new string('a', 500), "account_id=acct_%FF", "ids=,,,", "ids=%00", "foo=bar", "ids=" + string.Join(',', Enumerable.Range(0, 300).Select(i => $"wh_{i}")),
        "status=%00", "since=yesterday", "%=%", "&&&", "a=%",
        "type=%00", "type=a..b", "type=**", "event_type=%FF", "event_id=%00", "status=bogus", "status=failed&status=pending",
        "since=2026-13-01T00:00:00Z", "until=%00", "since=2026-01-02T00:00:00Z&until=2026-01-01T00:00:00Z", "source=%00",
        "since=" + new string('9', 400),
    ];

    private Shaped BadQuery(Random random)
    {
        var list = random.Next(10) switch
        {
            0 => ("GET", "/v1/webhooks"),
            1 => ("GET", $"/v1/webhooks/{targets.WebhookA}/deliveries"),
            2 => ("GET", "/v1/event-types"),
            3 => ("DELETE", "/v1/webhooks"),
            4 => ("GET", "/v1/events"),
            5 => ("GET", $"/v1/webhooks/{targets.WebhookA}/attempts"),
            6 => ("GET", $"/v1/webhooks/{targets.WebhookA}/stats"),
            7 => ("GET", $"/v1/accounts/{targets.AccountA}/keys"),
            8 => ("GET", $"/v1/webhooks/{targets.WebhookA}/deliveries/{targets.DeliveryA}"),
            _ => ("GET", $"/v1/events/{targets.EventA}"),
        };
        var query = random.Next(3) switch
        {
            0 => Pick(random, BadLimits),
            1 => Pick(random, BadCursors),
            _ => Pick(random, BadOthers),
        };
        if (list.Item1 == "DELETE" && !query.StartsWith("ids=", StringComparison.Ordinal))
        {
            // A bulk delete of nothing it may delete: every webhook it names belongs to no one or to account B.
            query += $"&ids={targets.WebhookB},wh_01nothing";
        }
        var caller = list.Item2 == "/v1/event-types" || random.Next(6) == 0 ? "admin" : "a";
        if (caller == "admin" && !query.Contains("account_id", StringComparison.Ordinal) && list.Item2 != "/v1/event-types")
        {
            query += $"&account_id={targets.AccountA}";
        }
        var target = $"{list.Item2}?{query}";
        return new Shaped($"{list.Item1} {Shorten(target)}", Authorized(new RawRequest(list.Item1, target), caller), caller);
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : $"{text[..150]}… ({text.Length:N0} characters)";
}
