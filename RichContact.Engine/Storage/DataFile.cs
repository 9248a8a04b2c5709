namespace RichContact.Engine.Storage;

/// <summary>How the small state files of the data directory are written (<see cref="DataDirectory"/> names them).</summary>
public static class DataFile
{
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
