using RichContact.Engine.Storage;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Storage;

public class DataFileTests
{
    [Fact]
    public void Data_directory_that_does_not_exist_yet_is_created_for_its_file()
    {
        using var data = new TempDataDirectory();
        var path = new DataDirectory(Path.Combine(data.Path, "not", "yet")).RequestBudget;

        Assert.Equal(Path.Combine(data.Path, "not", "yet", DataDirectory.RequestBudgetFileName), path);
        Assert.True(Directory.Exists(Path.GetDirectoryName(path)));
    }

    [Fact]
    public void Atomic_write_replaces_the_previous_content_and_leaves_no_temporary_file()
    {
        using var data = new TempDataDirectory();
        var path = Path.Combine(data.Path, "state.txt");
        // A temporary file left by a process killed mid-write is simply overwritten.
        File.WriteAllText(path + ".tmp", "half a");

        DataFile.AtomicWriteAllText(path, "first");
        DataFile.AtomicWriteAllText(path, "second");

        Assert.Equal("second", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(data.Path));
    }
}
