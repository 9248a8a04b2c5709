using Microsoft.Extensions.Options;

namespace RichContact.Web.Security;

/// <summary>Start-up validation of <c>RichContact:Web</c>: a wrong setting stops the app with a message naming the key.</summary>
internal sealed class WebOptionsValidator : IValidateOptions<WebOptions>
{
    public ValidateOptionsResult Validate(string? name, WebOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.FrameAncestors))
            return ValidateOptionsResult.Fail("RichContact:Web:FrameAncestors must name at least one origin (e.g. https://app.crisp.chat).");
        if (options.SettingsRequestsPerMinute is < 1 or > 100_000)
            return ValidateOptionsResult.Fail($"RichContact:Web:SettingsRequestsPerMinute must be between 1 and 100000 (got {options.SettingsRequestsPerMinute}).");
        return ValidateOptionsResult.Success;
    }
}
