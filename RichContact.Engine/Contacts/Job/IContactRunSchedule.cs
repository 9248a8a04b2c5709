namespace RichContact.Engine.Contacts;

/// <summary>
/// What a run asks of its schedule (Contacts/Scheduling, the only code that talks to Hangfire): to run
/// the conversation again later.
/// </summary>
internal interface IContactRunSchedule
{
    /// <summary>Crisp's daily budget is spent: retrying does not help before <paramref name="resumesAt"/>.</summary>
    void RunWhenBudgetResumes(ConversationKey conversation, DateTimeOffset resumesAt);
}
