namespace RichContact.Engine.Contacts;

/// <summary>The activity log's reason codes (machine codes, never free text).</summary>
public static class ReasonCodes
{
    public const string Disabled = "disabled";
    public const string ChannelNotMonitored = "channel_not_monitored";
    public const string NotAChannel = "not_a_channel";
    public const string EmailExists = "email_exists";
    public const string NoIdentity = "no_identity";
    /// <summary>The visitor's phone, email or email domain is on the website's exclusion list.</summary>
    public const string Excluded = "excluded";
    public const string ConversationRemoved = "conversation_removed";
    public const string Conflict = "conflict";
    /// <summary>Created, but more existing contacts matched the phone's digits than could be read, or Crisp's search could not be used.</summary>
    public const string DedupIncomplete = "dedup_incomplete";
    /// <summary>Mend: another contact already has the real email, so the placeholder stays.</summary>
    public const string EmailTaken = "email_taken";
    /// <summary>Mend: the contact's email is no longer the placeholder (an agent set one): left as it is.</summary>
    public const string EmailChanged = "email_changed";
    /// <summary>Mend: the contact was deleted in Crisp.</summary>
    public const string ProfileRemoved = "profile_removed";
    /// <summary>
    /// Crisp's search does not filter on phones now. On a created contact: one typed by hand with this
    /// phone (and no placeholder) could not be seen. On a mend: the placeholder stays, as the only
    /// way this person's next conversation can find the contact.
    /// </summary>
    public const string PhoneNotSearchable = "phone_not_searchable";
    /// <summary>Crisp refuses new contacts on the website (its plan's contacts limit, a suspended website): not created, and no call made (ContactsLimit).</summary>
    public const string ContactsLimit = "contacts_limit";
    public const string BudgetExhausted = "budget_exhausted";
    public const string Unauthorized = "unauthorized";
    public const string CrispUnreachable = "crisp_unreachable";
    public const string InternalError = "internal_error";
}
