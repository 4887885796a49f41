using System.Net;
using Herald.Grains.Hosting;
using Herald.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace Herald.Tests.Hosting;

/// <summary>The health endpoints as every Herald host maps them, against a reachable and an unreachable PostgreSQL.</summary>
public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Ready_fails_while_PostgreSQL_is_unreachable_and_live_still_answers()
    {
        var nobody = $"Host=127.0.0.1;Port={FreePorts.Next()};Username=herald;Password=herald;Database=herald;Timeout=2";
        await using var app = await StartAsync(nobody);
        using var client = app.GetTestClient();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Ready_answers_while_PostgreSQL_answers()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var app = await StartAsync(database.ConnectionString);
        using var client = app.GetTestClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    private static async Task<WebApplication> StartAsync(string connectionString)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseTestServer();
        builder.Services.AddHeraldStorage(connectionString);
        builder.Services.AddHeraldHealthChecks();
        var app = builder.Build();
        app.MapHeraldHealth();
        await app.StartAsync();
        return app;
    }
}
