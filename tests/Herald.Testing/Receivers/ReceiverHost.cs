using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Herald.Testing.Receivers;

/// <summary>
/// Kestrel on a loopback address and an ephemeral port (or a given one), without logging, handing every request to one
/// handler: the hosting under the tests' recording receiver, the bench's fast receiver and its pipe server, which differ
/// only in what they do with a request.
/// </summary>
public sealed class ReceiverHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ReceiverHost(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>Scheme, address and port, without a trailing slash.</summary>
    public string BaseUrl { get; }

    public string Url(string path) => BaseUrl + path;

    /// <param name="handler">Answers every request, whatever its method and path.</param>
    /// <param name="address">The loopback address to listen on; Linux routes all of 127.0.0.0/8 to the loopback interface.</param>
    /// <param name="port">Zero: any free port.</param>
    public static async Task<ReceiverHost> StartAsync(RequestDelegate handler, string address = "127.0.0.1", int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, NoSignalLifetime>();
        builder.WebHost.UseUrls($"http://{address}:{port}");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxConcurrentConnections = null);
        var app = builder.Build();
        app.Run(handler);
        await app.StartAsync();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ReceiverHost(app, baseUrl);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
