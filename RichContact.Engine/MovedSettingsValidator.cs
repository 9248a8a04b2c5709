using Microsoft.Extensions.Options;

namespace RichContact.Engine;

/// <summary>Stops the start while an old key of <see cref="MovedSettings.Moves"/> is still set.</summary>
internal sealed class MovedSettingsValidator : IValidateOptions<MovedSettings>
{
    public ValidateOptionsResult Validate(string? name, MovedSettings options) =>
        options.StillSet.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(options.StillSet);
}
