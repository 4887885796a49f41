using Herald.Api.Portal;

namespace Herald.Tests.Portal;

public sealed class PortalOptionsValidatorTests
{
    [Theory]
    [InlineData("'self'", true)]
    [InlineData("'self' https://dashboard.example.com", true)]
    [InlineData("*; script-src *", false)]
    [InlineData("https://a.example\r\nX-Injected: 1", false)]
    [InlineData(" ", false)]
    public void Frame_ancestors_are_one_directives_sources_only(string ancestors, bool valid)
    {
        var result = new PortalOptionsValidator().Validate(null, new PortalOptions { FrameAncestors = ancestors });

        Assert.Equal(valid, result.Succeeded);
    }
}
