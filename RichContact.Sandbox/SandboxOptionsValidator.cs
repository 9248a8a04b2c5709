using Microsoft.Extensions.Options;

namespace RichContact.Sandbox;

/// <summary>Start-up validation of <c>RichContact:Sandbox</c>: a wrong setting stops the sandbox with a message naming the key.</summary>
internal sealed class SandboxOptionsValidator : IValidateOptions<SandboxOptions>
{
    private const string Section = SandboxOptions.Section;

    public ValidateOptionsResult Validate(string? name, SandboxOptions options)
    {
        var errors = new List<string>();
        if (options.Search.Problem() is { } problem)
            errors.Add($"{Section}:Search: {problem}.");
        if (!Hooks.HookRedeliveries.IsKnown(options.HookRedelivery))
            errors.Add($"{Section}:HookRedelivery must be '{Hooks.HookRedeliveries.Same}' or '{Hooks.HookRedeliveries.Fresh}' (got '{options.HookRedelivery}').");
        if (options.ConversationListFilter is not (ConversationListFilters.Created or ConversationListFilters.Updated or ConversationListFilters.Ignored))
            errors.Add($"{Section}:ConversationListFilter must be '{ConversationListFilters.Created}', '{ConversationListFilters.Updated}' or '{ConversationListFilters.Ignored}' (got '{options.ConversationListFilter}').");
        if (options.WebsiteRoute is not (WebsiteRouteReadings.Answered or WebsiteRouteReadings.Refused))
            errors.Add($"{Section}:WebsiteRoute must be '{WebsiteRouteReadings.Answered}' or '{WebsiteRouteReadings.Refused}' (got '{options.WebsiteRoute}').");
        if (options.PeopleSubscription is not (PeopleSubscriptionReadings.Answered or PeopleSubscriptionReadings.Refused))
            errors.Add($"{Section}:PeopleSubscription must be '{PeopleSubscriptionReadings.Answered}' or '{PeopleSubscriptionReadings.Refused}' (got '{options.PeopleSubscription}').");
        if (!ConversationMessagesReadings.IsKnown(options.ConversationMessages))
            errors.Add($"{Section}:ConversationMessages must be '{ConversationMessagesReadings.Answered}', '{ConversationMessagesReadings.Refused}' or '{ConversationMessagesReadings.NotFound}' (got '{options.ConversationMessages}').");
        if (options.PhonelessIdentity is not (PhonelessIdentityReadings.StableUserId or PhonelessIdentityReadings.ConversationOnly or PhonelessIdentityReadings.None))
            errors.Add($"{Section}:PhonelessIdentity must be '{PhonelessIdentityReadings.StableUserId}', '{PhonelessIdentityReadings.ConversationOnly}' or '{PhonelessIdentityReadings.None}' (got '{options.PhonelessIdentity}').");
        if (options.PrefilledContacts < 0)
            errors.Add($"{Section}:PrefilledContacts must be 0 or more.");
        if (options.PastConversations < 0)
            errors.Add($"{Section}:PastConversations must be 0 or more.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
