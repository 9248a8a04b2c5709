using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Engine.Storage;
using RichContact.Engine.Tests.EndToEnd;
using RichContact.Engine.Tests.Reliability;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Contacts.Scheduling;

/// <summary>
/// The contacts a run made but could not record: kept in the job storage for a while only, and looked
/// for there only when a decision ends in <c>existing</c>, never on every contact job's way.
/// </summary>
public class UnrecordedContactsTests : EngineEndToEndTest
{
    private int _storeReads;

    protected override void ConfigureServices(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<IUnrecordedContacts>(sp =>
            new Counting(ActivatorUtilities.CreateInstance<UnrecordedContacts>(sp), () => Interlocked.Increment(ref _storeReads))));

    [Fact]
    public async Task A_contact_job_reads_the_job_storage_only_when_its_decision_ends_in_existing()
    {
        var first = await StartConversationAsync("whatsapp", phone: "+351912345621");
        Assert.Equal(ActivityOutcome.Created, (await Activity.OutcomeAsync(first)).Outcome);
        Assert.Equal(0, Volatile.Read(ref _storeReads));

        var second = await StartConversationAsync("telegram", phone: "+351912345621");
        Assert.Equal(ActivityOutcome.Existing, (await Activity.OutcomeAsync(second)).Outcome);
        Assert.Equal(1, Volatile.Read(ref _storeReads));
    }

    [Fact]
    public async Task A_contact_kept_unrecorded_in_the_job_storage_expires()
    {
        var refusals = 0;
        var storage = Engine.Get<StorageStatus>();
        storage.Changed += () => { if (storage.Failures.Any(f => f.File == StorageFile.Database)) Interlocked.Increment(ref refusals); };
        await using (await ActivityRefusal.StartAsync(Data.Path))
        {
            var session = await StartConversationAsync("whatsapp", phone: "+351912345622");
            await Eventually.TrueAsync(() => Volatile.Read(ref refusals) >= 1, "richcontact.db to refuse the entry");

            using var connection = (JobStorageConnection)Engine.Get<JobStorage>().GetConnection();
            var key = UnrecordedContacts.KeyOf(new ConversationKey(WebsiteId, session));
            // SQLite's job storage commits a transaction one command at a time: the entry can be seen
            // a moment before its expiry is set.
            await Eventually.TrueAsync(() => connection.GetAllEntriesFromHash(key) is { Count: 1 } && connection.GetHashTtl(key) > TimeSpan.Zero,
                "the contact kept in the job storage, with its expiry");
            Assert.InRange(connection.GetHashTtl(key), UnrecordedContacts.Expiry - TimeSpan.FromMinutes(5), UnrecordedContacts.Expiry);
        }
    }

    /// <summary>The engine's own, counting the reads that may reach the job storage.</summary>
    private sealed class Counting(IUnrecordedContacts inner, Action read) : IUnrecordedContacts
    {
        public UnrecordedContact? Remembered(ConversationKey conversation) => inner.Remembered(conversation);

        public UnrecordedContact? Find(ConversationKey conversation)
        {
            read();
            return inner.Find(conversation);
        }

        public void Keep(ConversationKey conversation, UnrecordedContact contact) => inner.Keep(conversation, contact);

        public void Forget(ConversationKey conversation, bool stored = false) => inner.Forget(conversation, stored);
    }
}
