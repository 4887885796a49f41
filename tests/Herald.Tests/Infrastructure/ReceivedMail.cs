using System.Text;
using MimeKit;

namespace Herald.Tests.Infrastructure;

/// <summary>One message as <see cref="FakeSmtpServer"/> took it: the envelope, the user it authenticated as, and the DATA.</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> Recipients, string? User, string Data)
{
    public MimeMessage Message => MimeMessage.Load(new MemoryStream(Encoding.Latin1.GetBytes(Data)));
}
