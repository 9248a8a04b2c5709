using Microsoft.Extensions.Options;

namespace RichContact.Engine.Contacts;

/// <summary>Start-up validation of <c>RichContact:Hangfire</c>.</summary>
internal sealed class HangfireTimingsValidator : IValidateOptions<HangfireTimings>
{
    public ValidateOptionsResult Validate(string? name, HangfireTimings options) => new OptionsCheck(HangfireTimings.Section)
        .Between(nameof(options.SchedulePollingIntervalMilliseconds), options.SchedulePollingIntervalMilliseconds, 10, 60_000)
        .Between(nameof(options.QueuePollIntervalMilliseconds), options.QueuePollIntervalMilliseconds, 10, 60_000)
        // Shorter than the longest job (see HangfireTimings.InvisibilityTimeoutMinutes) would run jobs twice.
        .Between(nameof(options.InvisibilityTimeoutMinutes), options.InvisibilityTimeoutMinutes, 10, 24 * 60)
        .Result;
}
