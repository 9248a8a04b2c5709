namespace RichContact.Web.Tests.Support;

/// <summary>Folders of the repository the tests write to.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Screenshots of failing browser tests (ignored by git).</summary>
    public static string Screenshots => Path.Combine(Root, "test-output", "screenshots");

    /// <summary>The docs' screenshots, committed.</summary>
    public static string Docs => Path.Combine(Root, "docs");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RichContact.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("RichContact.sln not found above " + AppContext.BaseDirectory);
    }
}
