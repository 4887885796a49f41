using Herald.Grains.Storage;

namespace Herald.Tests.Debugging;

public sealed class KeysetCursorTests
{
    [Fact]
    public void A_cursor_reads_back_to_the_same_microsecond_and_id()
    {
        var place = new KeysetCursor(DateTimeOffset.UnixEpoch.AddTicks(17_650_000_001_234_560), "order:42.b_c-d");

        var text = place.ToString();

        Assert.Equal(place, KeysetCursor.Parse(text));
        Assert.Matches("^[A-Za-z0-9_-]+$", text);
    }

    [Theory]
    [InlineData("evt_01jx0000000000000000000000")]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("MTIzNA")] // "1234": no id
    [InlineData("OjEyMw")] // ":123": no time
    [InlineData("eDphYmM")] // "x:abc": no number
    [InlineData("OTk5OTk5OTk5OTk5OTk5OTk5OmE")] // a time past year 9999
    public void Text_that_no_list_handed_out_is_not_a_cursor(string text) => Assert.Null(KeysetCursor.Parse(text));
}
