using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Herald.Grains.Hosting;

/// <summary>
/// Signs in the holder of the admin key, for the dashboard: as <c>Authorization: Bearer &lt;admin key&gt;</c>, or as HTTP
/// Basic with the admin key as the password (any user name), which is what a browser asks for. A challenge answers 401
/// with <c>WWW-Authenticate: Basic</c>, so a browser shows its sign-in prompt.
/// </summary>
public sealed class AdminKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemes,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<DashboardOptions> dashboard) : AuthenticationHandler<AuthenticationSchemeOptions>(schemes, logger, encoder)
{
    public const string SchemeName = "HeraldAdminKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // Any other key is no result rather than a failure: this scheme also sees every API request (it is the only
        // one registered), whose account keys are none of its business.
        var key = BearerKey.Of(Request) ?? BasicPassword();
        if (key is null || !BearerKey.IsAdmin(key, dashboard.Value.AdminKey))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"Herald dashboard\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    }

    private string? BasicPassword()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var bytes = new byte[header.Length];
        if (!Convert.TryFromBase64String(header[6..].Trim(), bytes, out var length))
        {
            return null;
        }
        var credentials = Encoding.UTF8.GetString(bytes, 0, length);
        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : credentials[(colon + 1)..];
    }
}
