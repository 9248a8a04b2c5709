using RichContact.Web.Components.Auth;

namespace RichContact.Web.Tests.Auth;

public sealed class LoginReturnUrlTests
{
    [Theory]
    [InlineData("/activity", "/activity")]
    [InlineData("/websites/abc?x=1", "/websites/abc?x=1")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    public void After_login_only_local_paths_are_followed(string? returnUrl, string expected) =>
        Assert.Equal(expected, LoginPage.SafeReturnUrl(returnUrl));
}
