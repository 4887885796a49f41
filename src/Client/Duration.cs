using System.Globalization;
using System.Text.RegularExpressions;

namespace Herald.Client;

/// <summary>Herald's durations: a whole number and one unit, <c>500ms</c>, <c>10s</c>, <c>5m</c>, <c>2h</c>, <c>1d</c>.</summary>
public static partial class Duration
{
    private static readonly (string Unit, TimeSpan Size)[] Units =
        [("d", TimeSpan.FromDays(1)), ("h", TimeSpan.FromHours(1)), ("m", TimeSpan.FromMinutes(1)), ("s", TimeSpan.FromSeconds(1)), ("ms", TimeSpan.FromMilliseconds(1))];

    /// <summary>The largest unit that writes <paramref name="value"/> as a whole number (<c>90s</c>, not <c>1.5m</c>).</summary>
    public static string Format(TimeSpan value)
    {
        foreach (var (unit, size) in Units)
        {
            if (value.Ticks % size.Ticks == 0)
            {
                return (value.Ticks / size.Ticks).ToString(CultureInfo.InvariantCulture) + unit;
            }
        }
        return ((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";
    }

    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        var match = text is null ? null : Pattern().Match(text);
        if (match is not { Success: true } || !long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return false;
        }
        var size = Units.First(u => u.Unit == match.Groups[2].Value).Size;
        value = TimeSpan.FromTicks(checked(count * size.Ticks));
        return true;
    }

    public static TimeSpan Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a duration such as 500ms, 10s, 5m, 2h or 1d.");

    [GeneratedRegex("^([0-9]{1,9})(ms|s|m|h|d)$")]
    private static partial Regex Pattern();
}
