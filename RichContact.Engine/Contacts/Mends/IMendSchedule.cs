namespace RichContact.Engine.Contacts;

/// <summary>
/// What the mends ask of their schedule (Contacts/Scheduling, the only code that talks to Hangfire):
/// a conversation's mend run now, or later.
/// </summary>
internal interface IMendSchedule
{
    /// <summary>Runs the conversation's mend soon, durably (the email stays in the conversation's meta meanwhile).</summary>
    void Enqueue(ConversationKey conversation);

    /// <summary>Crisp's daily budget is spent: the mend runs again after <paramref name="resumesAt"/>.</summary>
    void RunWhenBudgetResumes(ConversationKey conversation, DateTimeOffset resumesAt);
}
