using Microsoft.Extensions.Options;

namespace RichContact.Engine.Backfill;

/// <summary>Start-up validation of <c>RichContact:Backfill</c>: a wrong setting stops the app with a message naming the key.</summary>
internal sealed class BackfillOptionsValidator : IValidateOptions<BackfillOptions>
{
    public ValidateOptionsResult Validate(string? name, BackfillOptions options) => new OptionsCheck(BackfillOptions.Section)
        .Between(nameof(options.BudgetReservePercent), options.BudgetReservePercent, 0, 90)
        .Between(nameof(options.PreviewMaxPages), options.PreviewMaxPages, 1, 200)
        .Between(nameof(options.MaxPages), options.MaxPages, options.PreviewMaxPages, 10_000)
        .Between(nameof(options.MaxRangeDays), options.MaxRangeDays, 1, 3650)
        .Between(nameof(options.ProgressLogSeconds), options.ProgressLogSeconds, 1, 3600)
        // A batch must end far below Hangfire's invisibility timeout, or it would be handed out twice.
        .Between(nameof(options.BatchSeconds), options.BatchSeconds, 0.1, 300)
        .Between(nameof(options.BatchConversations), options.BatchConversations, 1, 10_000)
        .Between(nameof(options.RetryDelaySeconds), options.RetryDelaySeconds, 0.1, 86_400)
        .Between(nameof(options.FailuresBeforeBackOff), options.FailuresBeforeBackOff, 1, 1000)
        .Between(nameof(options.WakeUpAfterMidnightSeconds), options.WakeUpAfterMidnightSeconds, 0, 3600)
        .Between(nameof(options.UnworkedCheckSeconds), options.UnworkedCheckSeconds, 0.1, 3600)
        .Result;
}
