namespace RichContact.Engine.Storage;

/// <summary>Small state files in the data directory (<c>crisp-budget.json</c>, <c>rtm-last-event.txt</c>).</summary>
public static class DataFile
{
    /// <summary>The file's full path in the data directory, which is created if it is missing.</summary>
    public static string InDataDirectory(RichContactOptions options, string fileName)
    {
        Directory.CreateDirectory(Path.GetFullPath(options.DataDirectory));
        return options.DataPath(fileName);
    }

    /// <summary>
    /// Writes a temporary file beside <paramref name="path"/>, then moves it over: a crash or a kill
    /// mid-write leaves the previous content, never half a file.
    /// </summary>
    public static void AtomicWriteAllText(string path, string contents)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, contents);
        File.Move(temporary, path, overwrite: true);
    }
}
