using Herald.Tests.Api;

namespace Herald.Tests.Clients;

/// <summary>Herald on a real socket of 127.0.0.1, for clients that bring their own HttpClient (Herald.Client, the CLI).</summary>
public sealed class SocketApiFixture : ApiFixture
{
    protected override bool OverSockets => true;

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");
}
