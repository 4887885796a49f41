using System.Net;
using System.Text.RegularExpressions;

namespace Herald.Tests.Portal;

/// <summary>/portal is served by the API without a key, with headers that keep the page to its own code and origin.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class PortalServingTests(PortalApiFixture fixture)
{
    [Fact]
    public async Task The_portal_page_is_served_at_portal_without_a_key_with_its_security_headers()
    {
        foreach (var path in new[] { "/portal", "/portal/", "/portal/index.html" })
        {
            var answer = await fixture.Client(null).GetAsync(path);

            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal("text/html", answer.Content.Headers.ContentType?.MediaType);
            var csp = string.Join(" ", answer.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp);
            Assert.Contains("connect-src 'self'", csp);
            Assert.Contains("frame-ancestors 'self'", csp);
            Assert.Equal("no-referrer", answer.Headers.GetValues("Referrer-Policy").Single());
            Assert.True(answer.Headers.CacheControl?.NoCache, path);
            Assert.Contains("/portal/assets/", await answer.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task The_portal_assets_are_served_immutable_and_nothing_beside_them()
    {
        var index = await fixture.Client(null).GetStringAsync("/portal");
        var script = ScriptPath().Match(index).Groups[1].Value;

        var asset = await fixture.Client(null).GetAsync(script);
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal("text/javascript", asset.Content.Headers.ContentType?.MediaType);
        Assert.True(asset.Headers.CacheControl?.Public);
        Assert.Equal(TimeSpan.FromDays(365), asset.Headers.CacheControl?.MaxAge);

        foreach (var path in new[] { "/portal/assets/missing.js", "/portal/assets/..%2Findex.html", "/portal/assets/%2E%2E%2F%2E%2E%2Fpackage.json", "/portal/package.json" })
        {
            var answer = await fixture.Client(null).GetAsync(path);
            Assert.True(answer.StatusCode == HttpStatusCode.NotFound, $"{path}: {answer.StatusCode}");
        }
    }

    [GeneratedRegex("src=\"(/portal/assets/[^\"]+\\.js)\"")]
    private static partial Regex ScriptPath();
}
