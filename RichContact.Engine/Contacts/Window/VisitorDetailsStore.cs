using RichContact.Engine.Crisp.Rest;
using RichContact.Engine.Memory;

namespace RichContact.Engine.Contacts;

/// <summary>
/// The visitor details RTM reports for each session (phone, email, name, origin, country), held
/// in memory just long enough for the collection window and its job. Bounded and expiring: details
/// of sessions that never become a contact (chat visitors, say) simply age out.
/// </summary>
internal sealed class VisitorDetailsStore(TimeProvider clock)
{
    /// <summary>Long enough for a window, a job's retries and a short outage; short enough to hold little.</summary>
    internal static readonly TimeSpan TimeToLive = TimeSpan.FromMinutes(15);
    internal const int Capacity = 20_000;

    private readonly ExpiringMap<ConversationKey, VisitorDetails> _details = new(Capacity, TimeToLive, clock);

    public void Add(ConversationKey conversation, VisitorDetails details) =>
        _details.AddOrUpdate(conversation, current => current is null ? details : current.With(details));

    public VisitorDetails? Get(ConversationKey conversation) => _details.TryGet(conversation, out var details) ? details : null;

    /// <summary>Forgets a session's details once its outcome is known: personal data leaves memory early.</summary>
    public void Forget(ConversationKey conversation) => _details.Remove(conversation);
}
