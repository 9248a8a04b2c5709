using Microsoft.Extensions.Options;

namespace RichContact.Web.Security;

/// <summary>Start-up validation of <c>RichContact:Web</c>: a wrong setting stops the app with a message naming the key.</summary>
internal sealed class WebOptionsValidator : IValidateOptions<WebOptions>
{
    public ValidateOptionsResult Validate(string? name, WebOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.FrameAncestors))
            errors.Add("RichContact:Web:FrameAncestors must name at least one origin (e.g. https://app.crisp.chat).");
        var invalid = IPNetworks.Invalid(options.TrustedProxies);
        if (invalid.Count > 0)
            errors.Add($"RichContact:Web:TrustedProxies must list the reverse proxies' addresses such as 10.0.0.10 or networks such as 10.0.0.0/24, space separated (not: {string.Join(", ", invalid.Select(e => $"'{e}'"))}).");
        else if (string.IsNullOrWhiteSpace(options.TrustedProxies))
            errors.Add($"RichContact:Web:TrustedProxies must name at least one address; with no reverse proxy, leave the default ({WebOptions.Loopback}).");
        if (options.SettingsRequestsPerMinute is < 1 or > 100_000)
            errors.Add($"RichContact:Web:SettingsRequestsPerMinute must be between 1 and 100000 (got {options.SettingsRequestsPerMinute}).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
