using Microsoft.Extensions.Options;

namespace RichContact.Engine.Activity;

/// <summary>Start-up validation of <c>RichContact:ActivityRetentionDays</c>.</summary>
internal sealed class ActivityRetentionOptionsValidator : IValidateOptions<ActivityRetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, ActivityRetentionOptions options) => new OptionsCheck(ActivityRetentionOptions.Section)
        .Between(nameof(options.ActivityRetentionDays), options.ActivityRetentionDays, 1, 3650)
        .Result;
}
