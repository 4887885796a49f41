namespace Herald.Api.Portal;

/// <summary>
/// The portal's response headers: its own scripts, styles and API only (so injected markup could run nothing), framed
/// only by the configured ancestors, and no Referer sent anywhere.
/// </summary>
public static class PortalHeaders
{
    public static void Apply(HttpResponse response, string frameAncestors)
    {
        response.Headers.ContentSecurityPolicy =
            $"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + $"base-uri 'none'; form-action 'none'; frame-ancestors {frameAncestors}";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
