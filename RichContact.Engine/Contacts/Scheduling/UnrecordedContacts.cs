using System.Collections.Concurrent;
using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;
using Microsoft.Extensions.Logging;

namespace RichContact.Engine.Contacts;

/// <summary>
/// The store of <see cref="IUnrecordedContacts"/>: unrecorded contacts in memory, and in the job storage the storage provider chose (SQLite's
/// <c>hangfire.db</c> for one process, PostgreSQL's <c>hangfire</c> schema shared by every node):
/// as a hash by conversation (ids and a count: the job storage holds no personal data), so that
/// whichever run of the conversation comes next, in the next process or on another node, records it.
/// One home: the conversation's Hangfire job is not always the run that comes next (a catch-up may
/// schedule the conversation again). The hash
/// expires after <see cref="Expiry"/>: a conversation whose runs never came back must not leave it for
/// ever. The job storage may be failing as well (a full disk): then memory only.
/// </summary>
internal sealed class UnrecordedContacts(JobStorage jobStorage, ILogger<UnrecordedContacts> logger) : IUnrecordedContacts
{
    /// <summary>The hash's field holding the <see cref="UnrecordedContact"/> (ids only).</summary>
    private const string Field = "UnrecordedContact";

    /// <summary>
    /// How long the job storage keeps one: far beyond a held job's wait for its database in practice;
    /// past it, a late run records the contact <c>existing</c>, never a second one.
    /// </summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromDays(7);

    private readonly ConcurrentDictionary<ConversationKey, UnrecordedContact> _contacts = new();

    public UnrecordedContact? Remembered(ConversationKey conversation) => _contacts.TryGetValue(conversation, out var contact) ? contact : null;

    public UnrecordedContact? Find(ConversationKey conversation)
    {
        if (Remembered(conversation) is { } kept)
            return kept;
        try
        {
            using var connection = jobStorage.GetConnection();
            return connection.GetAllEntriesFromHash(KeyOf(conversation)) is { } entries && entries.TryGetValue(Field, out var serialized)
                ? SerializationHelper.Deserialize<UnrecordedContact>(serialized, SerializationOption.User)
                : null;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogDebug("Could not read the unrecorded contact of conversation {SessionId} from the job storage ({ErrorType})",
                conversation.SessionId, error.GetType().Name);
            return null;
        }
    }

    public void Keep(ConversationKey conversation, UnrecordedContact contact)
    {
        _contacts[conversation] = contact;
        try
        {
            var serialized = SerializationHelper.Serialize(contact, SerializationOption.User);
            using var connection = jobStorage.GetConnection();
            // Both job storages' transactions are JobStorageTransaction, which can expire a hash.
            using var transaction = (JobStorageTransaction)connection.CreateWriteTransaction();
            transaction.SetRangeInHash(KeyOf(conversation), [new(Field, serialized)]);
            transaction.ExpireHash(KeyOf(conversation), Expiry);
            transaction.Commit();
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogDebug("Could not keep the unrecorded contact of conversation {SessionId} in the job storage ({ErrorType})",
                conversation.SessionId, error.GetType().Name);
        }
    }

    public void Forget(ConversationKey conversation, bool stored = false)
    {
        _contacts.TryRemove(conversation, out _);
        if (!stored)
            return;
        try
        {
            using var connection = jobStorage.GetConnection();
            using var transaction = connection.CreateWriteTransaction();
            transaction.RemoveHash(KeyOf(conversation));
            transaction.Commit();
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Harmless: a later run of the conversation stops at its outcome before reading it, and it expires.
            logger.LogDebug("Could not forget the unrecorded contact of conversation {SessionId} in the job storage ({ErrorType})",
                conversation.SessionId, error.GetType().Name);
        }
    }

    /// <summary>The job storage's hash holding a contact a run made but could not record (ids and a count only).</summary>
    internal static string KeyOf(ConversationKey conversation) => "richcontact:unrecorded:" + conversation.LockKey;
}
