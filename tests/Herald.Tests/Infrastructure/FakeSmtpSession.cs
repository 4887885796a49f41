namespace Herald.Tests.Infrastructure;

/// <summary>What one connection to <see cref="FakeSmtpServer"/> has said so far.</summary>
public sealed class FakeSmtpSession
{
    public string? From { get; set; }
    public List<string> Recipients { get; } = [];
    public string? User { get; set; }

    public void Reset()
    {
        From = null;
        Recipients.Clear();
    }
}
