using Herald.Client;

namespace Herald.Tests.Clients;

public sealed class DurationTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("10s", 10_000)]
    [InlineData("90s", 90_000)]
    [InlineData("5m", 300_000)]
    [InlineData("2h", 7_200_000)]
    [InlineData("1d", 86_400_000)]
    public void Durations_read_and_write_as_Herald_writes_them(string text, long milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Duration.Parse(text));
        Assert.Equal(text, Duration.Format(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Theory]
    [InlineData("10")]
    [InlineData("1.5m")]
    [InlineData("-1s")]
    [InlineData("soon")]
    public void Text_that_is_not_a_duration_is_refused(string text) => Assert.False(Duration.TryParse(text, out _));
}
