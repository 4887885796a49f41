using System.Text.RegularExpressions;
using Herald.Api.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Herald.Api.Portal;

/// <summary>
/// The customer portal: a static page at <c>/portal</c> and its hashed assets. It holds no session of its own: the
/// page reads its token from the URL fragment and calls /v1 with it, so these routes need no key (docs/portal.md).
/// </summary>
public static partial class PortalEndpoints
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static IEndpointRouteBuilder MapHeraldPortal(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<PortalOptions>>().Value;
        if (!options.Enabled)
        {
            return app;
        }
        var root = Path.GetFullPath(options.Root, AppContext.BaseDirectory);
        var portal = app.MapGroup("/portal").ExcludeFromDescription()
            .AddEndpointFilter(async (context, next) =>
            {
                PortalHeaders.Apply(context.HttpContext.Response, options.FrameAncestors);
                return await next(context);
            });
        portal.MapMethods("/", [HttpMethods.Get, HttpMethods.Head], (HttpContext http) => Index(http, root));
        portal.MapMethods("/index.html", [HttpMethods.Get, HttpMethods.Head], (HttpContext http) => Index(http, root));
        portal.MapMethods("/assets/{file}", [HttpMethods.Get, HttpMethods.Head], (string file, HttpContext http) => Asset(file, http, root));
        return app;
    }

    private static Results<PhysicalFileHttpResult, ProblemHttpResult> Index(HttpContext http, string root)
    {
        var path = Path.Combine(root, "index.html");
        if (!File.Exists(path))
        {
            return Problems.Status(StatusCodes.Status404NotFound, "Not found",
                "The portal is not built on this server: scripts/portal.sh builds it (scripts/run.sh does so).");
        }
        // The page names its assets by content hash: it must be fetched again to see a new build.
        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.PhysicalFile(path, "text/html; charset=utf-8");
    }

    private static Results<PhysicalFileHttpResult, ProblemHttpResult> Asset(string file, HttpContext http, string root)
    {
        var path = Path.Combine(root, "assets", file);
        if (!AssetName().IsMatch(file) || !File.Exists(path) || !ContentTypes.TryGetContentType(file, out var contentType))
        {
            return Problems.NotFound("The file");
        }
        http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return TypedResults.PhysicalFile(path, contentType, enableRangeProcessing: false,
            lastModified: File.GetLastWriteTimeUtc(path), entityTag: new EntityTagHeaderValue($"\"{Path.GetFileNameWithoutExtension(file)}\""));
    }

    // What the build writes (name-hash.ext): no separators, no dot segments, so no way out of the assets folder.
    [GeneratedRegex("^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*\\.[a-z0-9]+$")]
    private static partial Regex AssetName();
}
