namespace RichContact.Web.Tests.Hosting;

internal static class RepositoryPaths
{
    /// <summary>The checkout's root: the folder holding RichContact.sln.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RichContact.sln")))
                return dir.FullName;
        throw new InvalidOperationException("RichContact.sln not found above " + AppContext.BaseDirectory);
    }
}
