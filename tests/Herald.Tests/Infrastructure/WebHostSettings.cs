using Microsoft.AspNetCore.Hosting;

namespace Herald.Tests.Infrastructure;

public static class WebHostSettings
{
    public static IWebHostBuilder UseSettings(this IWebHostBuilder web, IReadOnlyDictionary<string, string> settings)
    {
        foreach (var (key, value) in settings)
        {
            web.UseSetting(key, value);
        }
        return web;
    }
}
