using Microsoft.Extensions.Options;

namespace RichContact.Engine.Contacts;

/// <summary>Start-up validation of <c>RichContact:CatchUp</c>.</summary>
internal sealed class CatchUpOptionsValidator : IValidateOptions<CatchUpOptions>
{
    public ValidateOptionsResult Validate(string? name, CatchUpOptions options) => new OptionsCheck(CatchUpOptions.Section)
        .That(options.MaxGapMinutes is > 0 and <= 7 * 24 * 60, $"MaxGapMinutes must be more than 0 and at most a week (got {options.MaxGapMinutes})")
        .That(options.WebsitesPerGapSecond >= 0, $"WebsitesPerGapSecond must be 0 (every website) or more (got {options.WebsitesPerGapSecond})")
        .That(options.BudgetPercent is > 0 and <= 100, $"BudgetPercent must be more than 0 and at most 100 (got {options.BudgetPercent})")
        .Between(nameof(options.MarginSeconds), options.MarginSeconds, 0, 3600)
        .Between(nameof(options.RetryDelayMinutes), options.RetryDelayMinutes, 0.01, 1440)
        .Between(nameof(options.MaxRetryDelayMinutes), options.MaxRetryDelayMinutes, options.RetryDelayMinutes, 1440)
        .Result;
}
