using Microsoft.Extensions.Options;

namespace RichContact.Engine.Activity;

/// <summary>Start-up validation of <c>RichContact:ActivityRetention</c>.</summary>
internal sealed class ActivityRetentionTimingsValidator : IValidateOptions<ActivityRetentionTimings>
{
    public ValidateOptionsResult Validate(string? name, ActivityRetentionTimings options) => new OptionsCheck(ActivityRetentionTimings.Section)
        .Between(nameof(options.IntervalHours), options.IntervalHours, 0.01, 24 * 7)
        .Between(nameof(options.BatchSize), options.BatchSize, 1, 100_000)
        .Result;
}
