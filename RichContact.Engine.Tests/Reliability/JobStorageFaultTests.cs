using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Engine.Storage;
using RichContact.Engine.Tests.EndToEnd;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Reliability;

/// <summary>
/// hangfire.db refuses writes: another connection holds its write lock, so scheduling a contact job
/// fails as it does on a full disk (DiskFullTests, root only) — but only after the storage's three
/// tries of a 10 s busy timeout each.
/// </summary>
public class JobStorageFaultTests : EngineEndToEndTest
{
    private static readonly TimeSpan StorageRefusal = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Conversations_whose_only_message_arrives_while_job_storage_refuses_writes_get_one_contact_once_it_is_back()
    {
        var storage = Engine.Get<StorageStatus>();
        var scheduler = Engine.Get<ContactJobScheduler>();
        string first, second;
        await using (await JobStorageLock.AcquireAsync(Data.Path))
        {
            first = await StartConversationAsync("whatsapp", phone: "+351912345601");
            await Eventually.TrueAsync(() => scheduler.HeldCount == 1, "the conversation to be held", StorageRefusal);
            var failure = Assert.Single(storage.Failures);
            Assert.Equal(StorageFile.JobStorage, failure.File);
            Assert.Contains(DataDirectory.JobStorageFileName, failure.Message);
            Assert.Contains("disk full or database locked", failure.Message);

            // Joins the held one at once, without waiting out the storage's busy timeout again.
            second = await StartConversationAsync("telegram", phone: "+351912345602");
            await Eventually.TrueAsync(() => scheduler.HeldCount == 2, "the second conversation to be held");
            Assert.Empty(Activity.All);
        }

        // No further visitor message: the held conversations are scheduled once the storage accepts writes.
        Assert.All(await Task.WhenAll(Activity.OutcomeAsync(first), Activity.OutcomeAsync(second)),
            outcome => Assert.Equal(ActivityOutcome.Created, outcome.Outcome));
        Assert.Single(Activity.For(first));
        Assert.Single(Activity.For(second));
        Assert.Equal(2, (await ProfilesAsync()).Count);
        Assert.Equal(0, scheduler.HeldCount);
        Assert.Empty(storage.Failures);
        // Logged once when held (the error for the first, a warning for the one that joined) and once when recovered.
        Assert.Single(Logs.Lines, l => l.StartsWith("Error") && l.Contains("job storage failed") && l.Contains(first));
        Assert.Single(Logs.Lines, l => l.StartsWith("Warning") && l.Contains("held") && l.Contains(second));
        Assert.Single(Logs.Lines, l => l.Contains("Job storage accepts jobs again: scheduled the 2 conversations"));
    }
}
