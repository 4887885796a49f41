using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Herald.Grains.Notifications;

/// <summary>Sends one plain-text email through the configured SMTP server (MailKit), one connection per email.</summary>
public sealed class SmtpMailer(IOptions<SmtpOptions> options)
{
    public bool IsConfigured => options.Value.IsConfigured;

    /// <summary>One attempt, bounded by <see cref="SmtpOptions.Timeout"/>; throws when the server did not accept the message.</summary>
    public async Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        using var message = new MimeMessage();
        message.From.Add(new MailboxAddress(smtp.FromName, smtp.From));
        message.To.Add(new MailboxAddress(null, to));
        message.Subject = subject;
        message.Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = body };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(smtp.Timeout);
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host, smtp.EffectivePort, SecureSocketsFor(smtp.TlsMode), timeout.Token);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password, timeout.Token);
        }
        await client.SendAsync(message, timeout.Token);
        try
        {
            await client.DisconnectAsync(quit: true, timeout.Token);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ProtocolException or SmtpCommandException)
        {
            // The server has accepted the message: a failed QUIT must not make it be sent again.
        }
    }

    private static SecureSocketOptions SecureSocketsFor(SmtpTlsMode mode) => mode switch
    {
        SmtpTlsMode.None => SecureSocketOptions.None,
        SmtpTlsMode.ImplicitTls => SecureSocketOptions.SslOnConnect,
        // Required, not "when available": a server that stops offering STARTTLS must not get the password in clear.
        _ => SecureSocketOptions.StartTls,
    };
}
