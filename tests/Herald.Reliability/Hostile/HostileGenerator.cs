using Herald.Reliability.Chaos;

namespace Herald.Reliability.Hostile;

/// <summary>
/// Makes hostile request number n from the seed alone (a <see cref="Random"/> seeded by the seed and n), so that any
/// one of them can be made again to replay a failure. None of them is a valid write of the account it may act for:
/// every one must be refused and change nothing.
/// </summary>
public sealed partial class HostileGenerator(int seed, Targets targets)
{
    /// <summary>Slow requests are numbered from here, apart from the main sequence.</summary>
    public const int SlowNumbers = 900_000;

    private static readonly (HostileCategory Category, int Weight)[] Mix =
    [
        (HostileCategory.MalformedJson, 14), (HostileCategory.WrongTypes, 12), (HostileCategory.HugeOrDeep, 5), (HostileCategory.BadIds, 12),
        (HostileCategory.OtherAccount, 14), (HostileCategory.BadQuery, 14), (HostileCategory.InvalidUtf8, 8), (HostileCategory.MalformedChunked, 7),
        (HostileCategory.HeaderTricks, 10), (HostileCategory.AuthTricks, 4),
    ];

    private readonly IReadOnlyList<WriteRoute> _routes = WriteRoute.For(targets);

    public HostileRequest Create(int number)
    {
        var random = new Random(unchecked((int)StableHash.Of(seed, "hostile", number)));
        if (number >= SlowNumbers)
        {
            return Slow(number, random);
        }
        var category = StableHash.Pick((ulong)random.NextInt64(long.MaxValue), Mix);
        var shaped = category switch
        {
            HostileCategory.MalformedJson => MalformedJson(random),
            HostileCategory.WrongTypes => WrongTypes(random),
            HostileCategory.HugeOrDeep => HugeOrDeep(random),
            HostileCategory.BadIds => BadId(random),
            HostileCategory.OtherAccount => OtherAccount(random),
            HostileCategory.BadQuery => BadQuery(random),
            HostileCategory.InvalidUtf8 => InvalidUtf8(random),
            HostileCategory.MalformedChunked => MalformedChunked(random),
            HostileCategory.HeaderTricks => HeaderTrick(random),
            _ => AuthTrick(random),
        };
        return new HostileRequest(number, category, shaped.Description, shaped.Request, shaped.Caller, shaped.HttpLevel, HalfClose: shaped.HalfClose);
    }

    /// <summary>A body that sends fewer bytes than it announces, or headers that never end: what the server does about a slow client.</summary>
    private HostileRequest Slow(int number, Random random)
    {
        var route = Pick(random, _routes);
        var request = Authorized(new RawRequest(route.Method, route.Path), route.Caller).Json(route.ValidBody);
        request.Header("Content-Length", "4000");
        if ((number - SlowNumbers) % 3 == 2)
        {
            return new HostileRequest(number, HostileCategory.SlowHeaders, $"headers of {route.Method} {route.Path} that never end", request, route.Caller,
                HttpLevel: true, StallAfter: -30);
        }
        return new HostileRequest(number, HostileCategory.SlowBody, $"{route.Method} {route.Path}: 4,000 body bytes announced, 10 sent",
            request, route.Caller, StallAfter: 10);
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private RawRequest Authorized(RawRequest request, string caller) =>
        caller == "none" ? request : request.Header("Authorization", "Bearer " + targets.Key(caller));

    private RawRequest Write(WriteRoute route, byte[] body) => Authorized(new RawRequest(route.Method, route.Path), route.Caller).Json(body);

    private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);
}
