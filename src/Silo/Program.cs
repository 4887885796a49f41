using Herald.Grains.Hosting;
using Herald.Grains.Telemetry;

// A silo without the REST API: grains, delivery, the dashboard, metrics and health endpoints.
var builder = WebApplication.CreateBuilder(args);
builder.UseOrleans(silo => silo.AddHerald(builder.Configuration));
builder.Services.AddHeraldHealthChecks();
builder.Services.AddHeraldMetrics();
builder.Services.AddHeraldDashboardAccess(builder.Configuration);
if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5090");
}

var app = builder.Build();
app.MapHeraldHealth();
app.MapHeraldMetrics();
app.MapHeraldDashboard();
app.Run();
