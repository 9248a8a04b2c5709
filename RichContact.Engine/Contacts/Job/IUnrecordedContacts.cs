namespace RichContact.Engine.Contacts;

/// <summary>
/// The contacts created by runs whose activity entry the database refused, so that the conversation's
/// next run records <c>created</c> with the profile it made (a new search would find it and say
/// <c>existing</c>), on whichever node and in whichever process it runs. Kept in the job storage
/// (<see cref="UnrecordedContacts"/>).
/// </summary>
internal interface IUnrecordedContacts
{
    /// <summary>What this process remembers: memory only, no storage read (the contact job asks before deciding).</summary>
    UnrecordedContact? Remembered(ConversationKey conversation);

    /// <summary>
    /// What any run kept, in memory or in the job storage: read only when a decision ends in
    /// <c>existing</c>, the one outcome an unrecorded contact turns into <c>created</c>.
    /// </summary>
    UnrecordedContact? Find(ConversationKey conversation);

    void Keep(ConversationKey conversation, UnrecordedContact contact);

    /// <summary>Recorded at last, or recorded by another run: memory's copy goes, and the job storage's when <paramref name="stored"/>.</summary>
    void Forget(ConversationKey conversation, bool stored = false);
}
