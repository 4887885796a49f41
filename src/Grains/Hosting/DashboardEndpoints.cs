using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;

namespace Herald.Grains.Hosting;

/// <summary>
/// The Orleans Dashboard at <c>/dashboard</c>, for the admin key only (<see cref="AdminKeyAuthenticationHandler"/>): it
/// shows every grain, silo and call rate of the cluster, which is no business of an account or of the internet.
/// </summary>
public static class DashboardEndpoints
{
    public static IServiceCollection AddHeraldDashboardAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.Section)
            .Configure(o => o.AdminKey = configuration["Herald:AdminKey"] ?? "");
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, AdminKeyAuthenticationHandler>(
            AdminKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        return services;
    }

    public static IEndpointRouteBuilder MapHeraldDashboard(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetRequiredService<IOptions<DashboardOptions>>().Value.Enabled)
        {
            app.MapOrleansDashboard(routePrefix: "/dashboard")
                .RequireAuthorization(policy => policy.AddAuthenticationSchemes(AdminKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser());
        }
        return app;
    }
}
