namespace RichContact.Engine.Storage;

/// <summary>Configuration key <c>RichContact:DataDirectory</c>: where the app keeps its files (<see cref="Storage.DataDirectory"/> names them).</summary>
internal sealed class DataDirectoryOptions
{
    /// <summary>The key lives at the root of the app's section, where operators have always set it.</summary>
    public const string Section = "RichContact";

    /// <summary>Relative paths are relative to the working directory.</summary>
    public string DataDirectory { get; set; } = "data";
}
