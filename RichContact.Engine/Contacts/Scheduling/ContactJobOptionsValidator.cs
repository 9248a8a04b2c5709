using Microsoft.Extensions.Options;

namespace RichContact.Engine.Contacts;

/// <summary>Start-up validation of <c>RichContact:ContactJobs</c>.</summary>
internal sealed class ContactJobOptionsValidator : IValidateOptions<ContactJobOptions>
{
    public ValidateOptionsResult Validate(string? name, ContactJobOptions options) => new OptionsCheck(ContactJobOptions.Section)
        .Between(nameof(options.FallbackSeconds), options.FallbackSeconds, 0, 600)
        .Between(nameof(options.HeldCapacity), options.HeldCapacity, 1, 1_000_000)
        .Between(nameof(options.HoldRetrySeconds), options.HoldRetrySeconds, 0.01, 600)
        .Between(nameof(options.MaxHoldRetrySeconds), options.MaxHoldRetrySeconds, options.HoldRetrySeconds, 3600)
        .Between(nameof(options.WindowEndConcurrency), options.WindowEndConcurrency, 1, 1024)
        .Between(nameof(options.WindowEndCapacity), options.WindowEndCapacity, 1, 1_000_000)
        .Between(nameof(options.LimitRetrySeconds), options.LimitRetrySeconds, 0.1, 86_400)
        .Result;
}
