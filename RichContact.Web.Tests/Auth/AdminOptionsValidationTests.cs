using Microsoft.Extensions.Options;
using RichContact.Web.Tests.Browser;

namespace RichContact.Web.Tests.Auth;

public sealed class AdminOptionsValidationTests
{
    [Theory]
    [InlineData("RichContact:Admin:SessionLifetimeDays", "0", "RichContact:Admin:SessionLifetimeDays must be between 1 and 365")]
    [InlineData("RichContact:Admin:SessionLifetimeDays", "366", "RichContact:Admin:SessionLifetimeDays must be between 1 and 365")]
    [InlineData("RichContact:Admin:MaxFailedAttempts", "0", "RichContact:Admin:MaxFailedAttempts and RichContact:Admin:LockoutMinutes must be at least 1")]
    public async Task Invalid_admin_setting_stops_start_up_with_a_message_naming_the_key(string key, string value, string message)
    {
        await using var app = new RichContactApp("https://app.crisp.chat");
        app.Settings[key] = value;

        var error = Assert.ThrowsAny<Exception>(app.StartServer);

        var validation = Assert.IsType<OptionsValidationException>(error is AggregateException { InnerExceptions: [var inner] } ? inner : error);
        Assert.Contains(message, validation.Message);
    }
}
