using Microsoft.Extensions.Options;

namespace RichContact.Engine.Crisp.Hooks;

/// <summary>Start-up validation of <c>RichContact:Hooks</c>.</summary>
internal sealed class HookTimingsValidator : IValidateOptions<HookTimings>
{
    public ValidateOptionsResult Validate(string? name, HookTimings options) => new OptionsCheck(HookTimings.Section)
        .Between(nameof(options.MarkIntervalSeconds), options.MarkIntervalSeconds, 0.1, 3600)
        .Result;
}
