using Microsoft.Extensions.Options;

namespace RichContact.Web.Security;

/// <summary>Start-up validation of <c>RichContact:Web</c>: a wrong setting stops the app with a message naming the key.</summary>
internal sealed class WebOptionsValidator : IValidateOptions<WebOptions>
{
    public ValidateOptionsResult Validate(string? name, WebOptions options) =>
        string.IsNullOrWhiteSpace(options.FrameAncestors)
            ? ValidateOptionsResult.Fail("RichContact:Web:FrameAncestors must name at least one origin (e.g. https://app.crisp.chat).")
            : ValidateOptionsResult.Success;
}
