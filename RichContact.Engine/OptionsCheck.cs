using System.Globalization;
using Microsoft.Extensions.Options;

namespace RichContact.Engine;

/// <summary>
/// What the engine's options validators share: each range a setting must fall in, reported with the
/// setting's full key, so that a wrong one stops the start with a message naming it.
/// </summary>
internal sealed class OptionsCheck(string section)
{
    private readonly List<string> _errors = [];

    /// <summary>Fails when <paramref name="value"/> is outside [<paramref name="min"/>, <paramref name="max"/>] or not a number.</summary>
    public OptionsCheck Between(string key, double value, double min, double max)
    {
        if (!(value >= min && value <= max))
            _errors.Add(string.Create(CultureInfo.InvariantCulture, $"{section}:{key} must be between {min} and {max} (got {value})."));
        return this;
    }

    /// <summary>Fails with <paramref name="problem"/> (after the section's name) unless <paramref name="holds"/>.</summary>
    public OptionsCheck That(bool holds, string problem)
    {
        if (!holds)
            _errors.Add($"{section}:{problem}.");
        return this;
    }

    public ValidateOptionsResult Result => _errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_errors);
}
