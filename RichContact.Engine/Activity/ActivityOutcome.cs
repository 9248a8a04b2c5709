namespace RichContact.Engine.Activity;

public enum ActivityOutcome
{
    Created,
    Existing,
    Skipped,
    Failed,

    /// <summary>
    /// A real email reached a conversation whose contact got a placeholder, after that contact's
    /// outcome: its own entry besides the conversation's outcome. No reason: the contact's email is
    /// now the real one; a reason (<c>email_taken</c>...) says why nothing changed.
    /// </summary>
    Mend,

    /// <summary>
    /// The website is in preview (<see cref="Settings.WebsiteSettings.PreviewOnly"/>): a contact would
    /// have been created, and nothing was. The conversation's outcome, like created or existing: it
    /// is previewed once, and stays previewed when preview is turned off. Last, so that the values
    /// before it keep their numbers.
    /// </summary>
    WouldCreate,
}
