using Herald.Abstractions.Ids;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Tests.Ids;

public sealed class HeraldIdTests
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    [Fact]
    public void An_id_is_the_prefix_and_26_base32_digits_whose_first_ten_are_its_unix_milliseconds()
    {
        var at = new DateTimeOffset(2026, 12, 7, 23, 4, 27, 123, TimeSpan.Zero);
        var id = HeraldId.New("dlv", new FakeTimeProvider(at));

        Assert.StartsWith("dlv_", id);
        var digits = id["dlv_".Length..];
        Assert.Equal(26, digits.Length);
        Assert.All(digits, c => Assert.Contains(c, Alphabet));
        // 130 bits: two zero bits, the 48 bits of milliseconds (ten digits together), then 80 random bits.
        Assert.Equal(at.ToUnixTimeMilliseconds(), Decode(digits[..10]));
    }

    [Fact]
    public void Ids_sort_as_strings_in_the_order_of_their_milliseconds_and_differ_within_one()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero));
        var ids = new List<string>();
        for (var i = 0; i < 200; i++)
        {
            ids.Add(HeraldId.New("evt", clock));
            clock.Advance(TimeSpan.FromMilliseconds(i % 3)); // some ids share a millisecond
        }

        Assert.Equal(ids.Count, ids.Distinct().Count());
        var byTime = ids.Select(id => Decode(id[4..14])).ToList();
        Assert.Equal(byTime.Order(), byTime);
        var sorted = ids.Order(StringComparer.Ordinal).Select(id => Decode(id[4..14]));
        Assert.Equal(byTime.Order(), sorted);
    }

    private static long Decode(string digits) => digits.Aggregate(0L, (value, c) => (value << 5) | (long)Alphabet.IndexOf(c));
}
