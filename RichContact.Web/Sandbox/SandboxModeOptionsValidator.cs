using Microsoft.Extensions.Options;

namespace RichContact.Web.Sandbox;

/// <summary>
/// Start-up validation of the sandbox mode's settings, in sandbox mode only (with Crisp credentials they
/// are not used): a wrong setting stops the app with a message naming the key.
/// </summary>
internal sealed class SandboxModeOptionsValidator(ConfiguredCrisp crisp) : IValidateOptions<SandboxModeOptions>
{
    public ValidateOptionsResult Validate(string? name, SandboxModeOptions options)
    {
        if (!SandboxMode.Applies(crisp.Options, options))
            return ValidateOptionsResult.Skip;
        var errors = new List<string>();
        if (options.Traffic.RatePerMinute <= 0)
            errors.Add($"RichContact:Sandbox:Traffic:RatePerMinute must be above 0 (got {options.Traffic.RatePerMinute}).");
        if (!Uri.TryCreate(options.ListenUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp || url.Port == 0)
            errors.Add($"RichContact:Sandbox:Url must be an absolute http URL with a fixed port (got '{options.ListenUrl}').");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
