using Microsoft.Extensions.Options;

namespace RichContact.Engine.Crisp;

/// <summary>Start-up validation of <c>RichContact:Crisp</c>: a wrong setting stops the app with a message naming the key.</summary>
internal sealed class CrispOptionsValidator : IValidateOptions<CrispOptions>
{
    public ValidateOptionsResult Validate(string? name, CrispOptions options)
    {
        var errors = new List<string>();

        var hasIdentifier = !string.IsNullOrWhiteSpace(options.Identifier);
        var hasKey = !string.IsNullOrWhiteSpace(options.Key);
        if (hasIdentifier && !hasKey)
            errors.Add("RichContact:Crisp:Key is required when RichContact:Crisp:Identifier is set (both come from the plugin token in the Crisp Marketplace).");
        if (hasKey && !hasIdentifier)
            errors.Add("RichContact:Crisp:Identifier is required when RichContact:Crisp:Key is set (both come from the plugin token in the Crisp Marketplace).");

        if (!Uri.TryCreate(options.ApiUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
            errors.Add($"RichContact:Crisp:ApiUrl must be an absolute http(s) URL (got '{options.ApiUrl}').");
        if (options.UnauthorizedRetryMinutes is < 0.01 or > 24 * 60 || double.IsNaN(options.UnauthorizedRetryMinutes))
            errors.Add($"RichContact:Crisp:UnauthorizedRetryMinutes must be between 0.01 and 1440 (got {options.UnauthorizedRetryMinutes}).");
        if (options.DailyRequestBudget < 1)
            errors.Add($"RichContact:Crisp:DailyRequestBudget must be at least 1 (got {options.DailyRequestBudget}).");
        if (options.Events == CrispEventSource.Hooks && string.IsNullOrWhiteSpace(options.HookSecret))
            errors.Add("RichContact:Crisp:HookSecret is required when RichContact:Crisp:Events is hooks (the Web Hooks secret of the plugin in the Crisp Marketplace).");
        if (options.Events == CrispEventSource.Hooks && !options.HasCredentials)
            errors.Add("RichContact:Crisp:Events = hooks needs the plugin token too (RichContact:Crisp:Identifier and Key): the engine still calls Crisp's REST API.");

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
