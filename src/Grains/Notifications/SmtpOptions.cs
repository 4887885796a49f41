namespace Herald.Grains.Notifications;

/// <summary>The SMTP server that disable notices are emailed through, bound from <c>Herald:Smtp</c>; no host, no email.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Herald:Smtp";

    /// <summary>The server's host name or address; empty (the default) turns email off.</summary>
    public string Host { get; set; } = "";

    /// <summary>0 (the default) takes the TLS mode's usual port: 25, 587 or 465.</summary>
    public int Port { get; set; }

    public SmtpTlsMode TlsMode { get; set; } = SmtpTlsMode.StartTls;

    /// <summary>The sender's address (<c>From</c>), required with a host.</summary>
    public string From { get; set; } = "";

    public string FromName { get; set; } = "Herald";

    /// <summary>Authenticate with this user name and <see cref="Password"/> (both or neither); never logged.</summary>
    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>Bounds one attempt: connect, authenticate, send and quit.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Attempts per email, the first included, before it is given up (logged and counted).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait before the first retry; each further retry waits twice as long as the one before.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public int EffectivePort => Port != 0 ? Port : TlsMode switch
    {
        SmtpTlsMode.None => 25,
        SmtpTlsMode.ImplicitTls => 465,
        _ => 587,
    };
}
