using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Herald.Tests.Api.Faults;

/// <summary>The Orleans Dashboard of the co-hosted silo opens to the admin key only.</summary>
public sealed class DashboardAccessTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task The_dashboard_answers_401_with_a_basic_challenge_to_anyone_but_the_admin_key()
    {
        var (_, accountKey) = await fixture.CreateAccountAsync();

        foreach (var (what, authorization) in new (string, AuthenticationHeaderValue?)[]
        {
            ("no key", null),
            ("an account key", new("Bearer", accountKey)),
            ("a wrong password", Basic("admin", "not-the-key")),
        })
        {
            var client = fixture.Client(null);
            client.DefaultRequestHeaders.Authorization = authorization;
            var answer = await client.GetAsync("/dashboard/");
            Assert.True(answer.StatusCode == HttpStatusCode.Unauthorized, $"{what}: {answer.StatusCode}");
            Assert.StartsWith("Basic", answer.Headers.WwwAuthenticate.ToString());
        }
    }

    [Fact]
    public async Task The_admin_key_opens_the_dashboard_as_a_basic_password_or_a_bearer_key()
    {
        foreach (var authorization in new[] { Basic("anyone", ApiFixture.AdminKey), new AuthenticationHeaderValue("Bearer", ApiFixture.AdminKey) })
        {
            var client = fixture.Client(null);
            client.DefaultRequestHeaders.Authorization = authorization;
            var answer = await client.GetAsync("/dashboard/");
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Contains("html", await answer.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }
        Assert.NotEmpty(DashboardDisabledTests.DashboardFilters(fixture.Services));
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
}
