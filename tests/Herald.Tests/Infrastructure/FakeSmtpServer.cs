using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Herald.Tests.Infrastructure;

/// <summary>
/// A minimal SMTP server on 127.0.0.1 (ephemeral port): greeting, EHLO/HELO, AUTH PLAIN and LOGIN, MAIL, RCPT, DATA
/// (dot-terminated, dot-unstuffed), RSET, NOOP, QUIT. It records every message it accepts, and answers 451 to the
/// next transactions' MAIL FROM when told to fail.
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<ReceivedMail> _mails = new();
    private Task _accepting = Task.CompletedTask;
    private readonly Lock _failures = new();
    private int _failuresLeft;
    private int _refused;

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public IReadOnlyList<ReceivedMail> Mails => _mails.ToList();

    /// <summary>Transactions answered 451 since the last <see cref="FailNext"/>.</summary>
    public int Refused
    {
        get
        {
            lock (_failures)
            {
                return _refused;
            }
        }
    }

    public IReadOnlyList<ReceivedMail> MailsTo(string recipient) => Mails.Where(m => m.Recipients.Contains(recipient)).ToList();

    /// <summary>Answers the next <paramref name="transactions"/> MAIL FROM commands with 451 (a temporary failure); 0 accepts again.</summary>
    public void FailNext(int transactions)
    {
        lock (_failures)
        {
            _failuresLeft = transactions;
            _refused = 0;
        }
    }

    public static FakeSmtpServer Start()
    {
        var server = new FakeSmtpServer();
        server._listener.Start();
        server._accepting = server.AcceptAsync();
        return server;
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = ServeAsync(client);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.Latin1);
        await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
        var session = new FakeSmtpSession();
        try
        {
            await writer.WriteLineAsync("220 fake.smtp ESMTP ready");
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (!await AnswerAsync(line, session, reader, writer))
                {
                    return;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
        }
    }

    /// <summary>Answers one command; false once the session is over.</summary>
    private async Task<bool> AnswerAsync(string line, FakeSmtpSession session, StreamReader reader, StreamWriter writer)
    {
        var verb = line.Split(' ', 2)[0].ToUpperInvariant();
        var argument = line.Length > verb.Length ? line[(verb.Length + 1)..] : "";
        switch (verb)
        {
            case "EHLO":
                await writer.WriteLineAsync("250-fake.smtp");
                await writer.WriteLineAsync("250 AUTH PLAIN LOGIN");
                break;
            case "HELO":
                await writer.WriteLineAsync("250 fake.smtp");
                break;
            case "AUTH":
                session.User = await AuthenticateAsync(argument, reader, writer);
                await writer.WriteLineAsync("235 2.7.0 Authentication successful");
                break;
            case "MAIL":
                if (TakeFailure())
                {
                    await writer.WriteLineAsync("451 4.3.0 Try again later");
                    break;
                }
                session.From = Address(argument);
                await writer.WriteLineAsync("250 2.1.0 OK");
                break;
            case "RCPT":
                session.Recipients.Add(Address(argument));
                await writer.WriteLineAsync("250 2.1.5 OK");
                break;
            case "DATA":
                await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                var data = await ReadDataAsync(reader);
                _mails.Enqueue(new ReceivedMail(session.From ?? "", session.Recipients.ToList(), session.User, data));
                session.Reset();
                await writer.WriteLineAsync("250 2.0.0 Queued");
                break;
            case "RSET":
                session.Reset();
                await writer.WriteLineAsync("250 2.0.0 OK");
                break;
            case "NOOP":
                await writer.WriteLineAsync("250 2.0.0 OK");
                break;
            case "QUIT":
                await writer.WriteLineAsync("221 2.0.0 Bye");
                return false;
            default:
                await writer.WriteLineAsync("502 5.5.2 Command not implemented");
                break;
        }
        return true;
    }

    private bool TakeFailure()
    {
        lock (_failures)
        {
            if (_failuresLeft == 0)
            {
                return false;
            }
            _failuresLeft--;
            _refused++;
            return true;
        }
    }

    /// <summary>AUTH PLAIN (with or without an initial response) or AUTH LOGIN; returns the user name.</summary>
    private async Task<string> AuthenticateAsync(string argument, StreamReader reader, StreamWriter writer)
    {
        var parts = argument.Split(' ', 2);
        if (parts[0].Equals("LOGIN", StringComparison.OrdinalIgnoreCase))
        {
            await writer.WriteLineAsync("334 VXNlcm5hbWU6");
            var user = Decode(await reader.ReadLineAsync(_stop.Token));
            await writer.WriteLineAsync("334 UGFzc3dvcmQ6");
            var password = Decode(await reader.ReadLineAsync(_stop.Token));
            return $"{user}:{password}";
        }
        var response = parts.Length > 1 ? parts[1] : null;
        if (response is null)
        {
            await writer.WriteLineAsync("334 ");
            response = await reader.ReadLineAsync(_stop.Token);
        }
        var fields = Decode(response).Split('\0'); // authzid \0 user \0 password
        return $"{fields[1]}:{fields[2]}";
    }

    private async Task<string> ReadDataAsync(StreamReader reader)
    {
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(_stop.Token) is { } line && line != ".")
        {
            data.Append(line.StartsWith("..", StringComparison.Ordinal) ? line[1..] : line).Append("\r\n");
        }
        return data.ToString();
    }

    private static string Decode(string? base64) => Encoding.UTF8.GetString(Convert.FromBase64String(base64 ?? ""));

    private static string Address(string argument)
    {
        var start = argument.IndexOf('<');
        var end = argument.IndexOf('>', start + 1);
        return start >= 0 && end > start ? argument[(start + 1)..end] : argument;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
