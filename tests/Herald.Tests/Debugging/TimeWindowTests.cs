using Herald.Api.Json;

namespace Herald.Tests.Debugging;

public sealed class TimeWindowTests
{
    [Theory]
    [InlineData("2026-11-23T10:00:00Z", "2026-11-23T10:00:00.0000000+00:00")]
    [InlineData("2026-11-23t10:00:00z", "2026-11-23T10:00:00.0000000+00:00")]
    [InlineData("2026-11-23T10:00:00.123456Z", "2026-11-23T10:00:00.1234560+00:00")]
    [InlineData("2026-11-23T11:30:00+01:30", "2026-11-23T10:00:00.0000000+00:00")]
    [InlineData("2026-11-23T10:00:00.5-02:00", "2026-11-23T12:00:00.5000000+00:00")]
    public void An_rfc_3339_time_is_read_in_utc(string text, string expected) =>
        Assert.Equal(expected, TimeWindow.Parse(text)?.ToString("O"));

    [Theory]
    [InlineData("2026-11-23T10:00:00")]
    [InlineData("2026-11-23")]
    [InlineData("2026-11-23 10:00:00Z")]
    [InlineData("23/11/2026 10:00Z")]
    [InlineData("2026-11-23T25:00:00Z")]
    [InlineData("yesterday")]
    public void A_time_without_an_offset_or_in_another_form_is_refused(string text) => Assert.Null(TimeWindow.Parse(text));
}
