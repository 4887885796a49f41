using System.Text.RegularExpressions;

namespace Herald.Grains.Notifications;

/// <summary>
/// What Herald accepts as an email address: a bare <c>local@domain</c> (RFC 5322 dot-atom local part, no quoting, no
/// display name) on a DNS domain with at least one dot, all ASCII (internationalised domains in their <c>xn--</c> form).
/// Stricter than the RFCs on purpose: what passes, every SMTP server takes.
/// </summary>
public static partial class EmailAddress
{
    public const int MaxLength = 254;
    private const int MaxLocalPartLength = 64;

    public static bool IsValid(string? text) =>
        text is { Length: <= MaxLength }
        && text.IndexOf('@') is > 0 and <= MaxLocalPartLength
        && Pattern().IsMatch(text);

    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\z")]
    private static partial Regex Pattern();
}
