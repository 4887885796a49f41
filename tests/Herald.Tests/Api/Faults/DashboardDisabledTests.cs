using System.Net;
using Herald.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Tests.Api.Faults;

/// <summary><c>Herald:Dashboard:Enabled=false</c> removes the dashboard: no page, and none of its work on grain calls.</summary>
public sealed class DashboardDisabledTests
{
    [Fact]
    public async Task A_disabled_dashboard_is_not_served_and_does_not_profile_grain_calls()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = ApiFixture.Factory(database.ConnectionString, new Dictionary<string, string> { ["Herald:Dashboard:Enabled"] = "false" });
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", ApiFixture.AdminKey);

        var answer = await client.GetAsync("/dashboard/");

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Empty(DashboardFilters(factory.Services));
    }

    /// <summary>The Orleans Dashboard's grain call filters among the silo's (its profiler times every call).</summary>
    public static IEnumerable<IIncomingGrainCallFilter> DashboardFilters(IServiceProvider services) =>
        services.GetServices<IIncomingGrainCallFilter>().Where(f => f.GetType().Namespace?.StartsWith("Orleans.Dashboard", StringComparison.Ordinal) == true);
}
