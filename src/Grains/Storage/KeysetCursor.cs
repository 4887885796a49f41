using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Herald.Grains.Storage;

/// <summary>
/// The place of a row in a list ordered newest first by (time, id): the cursor a list hands out as <c>next_cursor</c>.
/// Written as base64url of "{unix microseconds}:{id}", so it is opaque to clients, a token in URLs, and exact to the
/// microsecond PostgreSQL keeps: a page never repeats or skips a row, even among rows of the same time.
/// </summary>
public sealed record KeysetCursor(DateTimeOffset Time, string Id)
{
    public override string ToString()
    {
        var micros = (Time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{micros.ToString(CultureInfo.InvariantCulture)}:{Id}"));
    }

    /// <summary>The cursor <paramref name="text"/> stands for; null when it is not one that a list handed out.</summary>
    public static KeysetCursor? Parse(string text)
    {
        if (text.Length > 512 || !Base64Url.IsValid(text))
        {
            return null;
        }
        var decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text));
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == decoded.Length - 1
            || !long.TryParse(decoded.AsSpan(0, colon), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var micros)
            || micros is < -62_135_596_800_000_000 or > 253_402_300_799_999_999)
        {
            return null;
        }
        return new KeysetCursor(DateTimeOffset.UnixEpoch.AddTicks(micros * 10), decoded[(colon + 1)..]);
    }
}
