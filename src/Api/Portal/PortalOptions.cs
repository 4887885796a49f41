namespace Herald.Api.Portal;

/// <summary>The customer portal's settings, bound from <c>Herald:Portal</c>.</summary>
public sealed class PortalOptions
{
    public const string Section = "Herald:Portal";

    /// <summary>Serve the portal at <c>/portal</c>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The folder holding the built portal (index.html and assets/); relative to the API's own folder. The build copies
    /// src/Portal/dist there as <c>portal</c>.
    /// </summary>
    public string Root { get; set; } = "portal";

    /// <summary>
    /// Who may show the portal in a frame: the CSP <c>frame-ancestors</c> sources, such as
    /// <c>https://dashboard.example.com</c>. The default lets only Herald's own pages frame it.
    /// </summary>
    public string FrameAncestors { get; set; } = "'self'";
}
