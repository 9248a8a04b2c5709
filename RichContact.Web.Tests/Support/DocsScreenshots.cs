using Microsoft.Playwright;

namespace RichContact.Web.Tests.Support;

/// <summary>
/// The docs' screenshots (docs/*.png), taken by the browser tests when
/// <c>RICHCONTACT_DOCS_SCREENSHOTS=1</c>: only on purpose, so that an ordinary test run leaves the
/// working tree clean (every run's timestamps differ).
/// </summary>
public static class DocsScreenshots
{
    public static bool Enabled => Environment.GetEnvironmentVariable("RICHCONTACT_DOCS_SCREENSHOTS") == "1";

    public static Task SaveAsync(IPage page, string name) =>
        Enabled ? page.ScreenshotAsync(new PageScreenshotOptions { Path = PathFor(name) }) : Task.CompletedTask;

    public static Task SaveAsync(ILocator element, string name) =>
        Enabled ? element.ScreenshotAsync(new LocatorScreenshotOptions { Path = PathFor(name) }) : Task.CompletedTask;

    private static string PathFor(string name)
    {
        Directory.CreateDirectory(RepositoryPaths.Docs);
        return Path.Combine(RepositoryPaths.Docs, name);
    }
}
