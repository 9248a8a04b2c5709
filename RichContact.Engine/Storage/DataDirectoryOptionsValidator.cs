using Microsoft.Extensions.Options;

namespace RichContact.Engine.Storage;

/// <summary>Start-up validation of <c>RichContact:DataDirectory</c>.</summary>
internal sealed class DataDirectoryOptionsValidator : IValidateOptions<DataDirectoryOptions>
{
    public ValidateOptionsResult Validate(string? name, DataDirectoryOptions options) => new OptionsCheck(DataDirectoryOptions.Section)
        .That(!string.IsNullOrWhiteSpace(options.DataDirectory), "DataDirectory must name a directory")
        .Result;
}
