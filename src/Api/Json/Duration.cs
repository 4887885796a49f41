using System.Globalization;

namespace Herald.Api.Json;

/// <summary>Durations as the API writes them: an integer and a unit — <c>500ms</c>, <c>10s</c>, <c>5m</c>, <c>2h</c>, <c>1d</c>.</summary>
public static class Duration
{
    private static readonly (string Unit, TimeSpan Size)[] Units =
    [
        ("d", TimeSpan.FromDays(1)), ("h", TimeSpan.FromHours(1)), ("m", TimeSpan.FromMinutes(1)),
        ("s", TimeSpan.FromSeconds(1)), ("ms", TimeSpan.FromMilliseconds(1)),
    ];

    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }
        if (digits == 0 || digits > 9 || !long.TryParse(text.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }
        var unit = text[digits..];
        foreach (var (name, size) in Units)
        {
            if (unit == name)
            {
                // 999999999d would overflow a TimeSpan: such a duration is not one.
                if (amount > TimeSpan.MaxValue.Ticks / size.Ticks)
                {
                    return false;
                }
                value = TimeSpan.FromTicks(size.Ticks * amount);
                return true;
            }
        }
        return false;
    }

    public static string Format(TimeSpan value)
    {
        foreach (var (name, size) in Units)
        {
            if (value >= size && value.Ticks % size.Ticks == 0)
            {
                return (value.Ticks / size.Ticks).ToString(CultureInfo.InvariantCulture) + name;
            }
        }
        return ((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";
    }
}
