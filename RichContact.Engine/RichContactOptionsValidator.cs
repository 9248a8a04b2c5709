using Microsoft.Extensions.Options;
using RichContact.Engine.Crisp;

namespace RichContact.Engine;

/// <summary>Start-up validation: a wrong setting stops the app with a message naming the key.</summary>
internal sealed class RichContactOptionsValidator : IValidateOptions<RichContactOptions>
{
    public ValidateOptionsResult Validate(string? name, RichContactOptions options)
    {
        var errors = new List<string>();
        var crisp = options.Crisp;

        if (string.IsNullOrWhiteSpace(options.DataDirectory))
            errors.Add("RichContact:DataDirectory must name a directory.");
        if (options.CollectionWindowSeconds is < 0 or > 60 || double.IsNaN(options.CollectionWindowSeconds))
            errors.Add($"RichContact:CollectionWindowSeconds must be between 0 and 60 (got {options.CollectionWindowSeconds}).");
        if (options.ActivityRetentionDays is < 1 or > 3650)
            errors.Add($"RichContact:ActivityRetentionDays must be between 1 and 3650 (got {options.ActivityRetentionDays}).");

        var hasIdentifier = !string.IsNullOrWhiteSpace(crisp.Identifier);
        var hasKey = !string.IsNullOrWhiteSpace(crisp.Key);
        if (hasIdentifier && !hasKey)
            errors.Add("RichContact:Crisp:Key is required when RichContact:Crisp:Identifier is set (both come from the plugin token in the Crisp Marketplace).");
        if (hasKey && !hasIdentifier)
            errors.Add("RichContact:Crisp:Identifier is required when RichContact:Crisp:Key is set (both come from the plugin token in the Crisp Marketplace).");

        if (!Uri.TryCreate(crisp.ApiUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
            errors.Add($"RichContact:Crisp:ApiUrl must be an absolute http(s) URL (got '{crisp.ApiUrl}').");
        if (crisp.CatchUpMaxGapMinutes is <= 0 or > 7 * 24 * 60 || double.IsNaN(crisp.CatchUpMaxGapMinutes))
            errors.Add($"RichContact:Crisp:CatchUpMaxGapMinutes must be more than 0 and at most a week (got {crisp.CatchUpMaxGapMinutes}).");
        if (crisp.CatchUpWebsitesPerGapSecond < 0)
            errors.Add($"RichContact:Crisp:CatchUpWebsitesPerGapSecond must be 0 (every website) or more (got {crisp.CatchUpWebsitesPerGapSecond}).");
        if (crisp.CatchUpBudgetPercent is <= 0 or > 100 || double.IsNaN(crisp.CatchUpBudgetPercent))
            errors.Add($"RichContact:Crisp:CatchUpBudgetPercent must be more than 0 and at most 100 (got {crisp.CatchUpBudgetPercent}).");
        if (crisp.UnauthorizedRetryMinutes is < 0.01 or > 24 * 60 || double.IsNaN(crisp.UnauthorizedRetryMinutes))
            errors.Add($"RichContact:Crisp:UnauthorizedRetryMinutes must be between 0.01 and 1440 (got {crisp.UnauthorizedRetryMinutes}).");
        if (crisp.DailyRequestBudget < 1)
            errors.Add($"RichContact:Crisp:DailyRequestBudget must be at least 1 (got {crisp.DailyRequestBudget}).");
        if (crisp.Events == CrispEventSource.Hooks && string.IsNullOrWhiteSpace(crisp.HookSecret))
            errors.Add("RichContact:Crisp:HookSecret is required when RichContact:Crisp:Events is hooks (the Web Hooks secret of the plugin in the Crisp Marketplace).");
        if (crisp.Events == CrispEventSource.Hooks && !crisp.HasCredentials)
            errors.Add("RichContact:Crisp:Events = hooks needs the plugin token too (RichContact:Crisp:Identifier and Key): the engine still calls Crisp's REST API.");

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
