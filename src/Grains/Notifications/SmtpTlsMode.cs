namespace Herald.Grains.Notifications;

/// <summary>How the connection to the SMTP server is secured.</summary>
public enum SmtpTlsMode
{
    /// <summary>Plain text (a relay on the same host or a trusted network); usual port 25.</summary>
    None = 0,

    /// <summary>Plain connection upgraded by STARTTLS, which the server must offer; usual port 587.</summary>
    StartTls = 1,

    /// <summary>TLS from the first byte (SMTPS); usual port 465.</summary>
    ImplicitTls = 2,
}
