using RichContact.Engine.Storage;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Storage;

public class StorageStatusTests
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_failure_keeps_the_store_the_innermost_type_and_the_time_but_never_the_exception_message()
    {
        var status = new StorageStatus(_clock);
        var changes = 0;
        status.Changed += () => changes++;

        status.Failed(StorageFile.JobStorage, new InvalidOperationException("wrapper", new IOException("disk full near +351912345678")));

        var failure = Assert.Single(status.Failures);
        Assert.Equal((StorageFile.JobStorage, "IOException", _clock.Now), (failure.File, failure.ErrorType, failure.At));
        Assert.Equal($"The job storage ({DataDirectory.JobStorageFileName}) failed with IOException: disk full or database locked?", failure.Message);
        Assert.Equal(1, changes);
    }

    [Fact]
    public void A_successful_write_clears_only_its_own_store()
    {
        var status = new StorageStatus(_clock);
        status.Failed(StorageFile.Database, new TimeoutException());
        status.Failed(StorageFile.JobStorage, new TimeoutException());
        var changes = 0;
        status.Changed += () => changes++;

        status.Succeeded(StorageFile.JobStorage);
        status.Succeeded(StorageFile.JobStorage); // nothing left to clear: no change

        Assert.Equal(StorageFile.Database, Assert.Single(status.Failures).File);
        Assert.Equal(1, changes);
        status.Succeeded(StorageFile.Database);
        Assert.Empty(status.Failures);
    }
}
