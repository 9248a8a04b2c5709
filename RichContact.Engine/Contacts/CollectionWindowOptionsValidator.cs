using Microsoft.Extensions.Options;

namespace RichContact.Engine.Contacts;

/// <summary>Start-up validation of <c>RichContact:CollectionWindowSeconds</c>.</summary>
internal sealed class CollectionWindowOptionsValidator : IValidateOptions<CollectionWindowOptions>
{
    public ValidateOptionsResult Validate(string? name, CollectionWindowOptions options) => new OptionsCheck(CollectionWindowOptions.Section)
        .Between(nameof(options.CollectionWindowSeconds), options.CollectionWindowSeconds, 0, 60)
        .Result;
}
