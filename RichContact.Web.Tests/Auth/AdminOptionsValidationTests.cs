using Microsoft.Extensions.Options;
using RichContact.Web.Tests.Browser;

namespace RichContact.Web.Tests.Auth;

public sealed class AdminOptionsValidationTests
{
    [Theory]
    [InlineData("RichContact:Admin:SessionLifetimeDays", "0", "RichContact:Admin:SessionLifetimeDays must be between 1 and 365")]
    [InlineData("RichContact:Admin:SessionLifetimeDays", "366", "RichContact:Admin:SessionLifetimeDays must be between 1 and 365")]
    [InlineData("RichContact:Admin:MaxFailedAttempts", "0", "RichContact:Admin:MaxFailedAttempts and RichContact:Admin:LockoutMinutes must be at least 1")]
    [InlineData("RichContact:Admin:Password", "eleven char", "RichContact:Admin:Password must be at least 12 characters (it is 11)")]
    [InlineData("RichContact:Admin:KeyProtection", "secret:too short", "RichContact:Admin:KeyProtection: a secret must be at least 32 characters")]
    [InlineData("RichContact:Admin:KeyProtection", "file:/nonexistent/richcontact.key", "RichContact:Admin:KeyProtection: the key file '/nonexistent/richcontact.key' does not exist")]
    [InlineData("RichContact:Admin:KeyProtection", "hunter2", "RichContact:Admin:KeyProtection must be secret:<at least 32 characters>, file:<path of a key file> or certificate:<path of a PEM certificate with its key>")]
    [InlineData("RichContact:Admin:KeyProtection", "certificate:/nonexistent/richcontact.pem", "RichContact:Admin:KeyProtection: the certificate file '/nonexistent/richcontact.pem' does not exist")]
    [InlineData("RichContact:Web:TrustedProxies", "10.0.0.0/33", "RichContact:Web:TrustedProxies must list the reverse proxies' addresses such as 10.0.0.10 or networks such as 10.0.0.0/24, space separated (not: '10.0.0.0/33')")]
    public async Task Invalid_admin_or_web_setting_stops_start_up_with_a_message_naming_the_key(string key, string value, string message)
    {
        await using var app = new RichContactApp("https://app.crisp.chat");
        app.Settings[key] = value;

        var error = Assert.ThrowsAny<Exception>(app.StartServer);

        var validation = Assert.IsType<OptionsValidationException>(error is AggregateException { InnerExceptions: [var inner] } ? inner : error);
        Assert.Contains(message, validation.Message);
    }
}
