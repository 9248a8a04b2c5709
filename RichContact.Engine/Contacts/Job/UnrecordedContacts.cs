using System.Collections.Concurrent;

namespace RichContact.Engine.Contacts;

/// <summary>
/// The contacts created by jobs held on <c>richcontact.db</c>, so that the job's next run records
/// <c>created</c> with the profile it made (a new search would find it and say <c>existing</c>).
/// In memory, and as the job's Hangfire parameter for a run in the next process.
/// </summary>
public sealed class UnrecordedContacts
{
    /// <summary>Job parameter holding the <see cref="UnrecordedContact"/> (ids only).</summary>
    public const string Parameter = "UnrecordedContact";

    private readonly ConcurrentDictionary<ConversationKey, UnrecordedContact> _contacts = new();

    public void Keep(ConversationKey conversation, UnrecordedContact contact) => _contacts[conversation] = contact;

    public UnrecordedContact? Get(ConversationKey conversation) => _contacts.TryGetValue(conversation, out var contact) ? contact : null;

    public void Forget(ConversationKey conversation) => _contacts.TryRemove(conversation, out _);
}
