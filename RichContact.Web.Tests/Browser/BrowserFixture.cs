using Microsoft.Playwright;
using RichContact.Web.Tests.Support;

namespace RichContact.Web.Tests.Browser;

/// <summary>
/// One app (with its sandbox), one stand-in Crisp dashboard and one Chromium for all browser tests;
/// every test gets its own browser context, so no cookie leaks from one test to another.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public RichContactApp App { get; private set; } = default!;
    public FrameHost Dashboard { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        // Playwright drives the system Chromium and must never download one.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        // Two cores shared with the engine's tests (test.sh runs both projects at once): allow for a
        // slow first render. Expectations still return as soon as they hold.
        Assertions.SetDefaultExpectTimeout(15_000);
        Dashboard = await FrameHost.StartAsync();
        App = new RichContactApp(Dashboard.Origin);
        App.StartServer();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    /// <param name="timezoneId">The browser's time zone (an IANA name); the machine's when null.</param>
    /// <param name="locale">The browser's language (navigator.language, Accept-Language); Playwright's default when null.</param>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800, string? timezoneId = null, string? locale = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            TimezoneId = timezoneId,
            Locale = locale,
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Runs a browser test's steps; on failure saves a screenshot under test-output/screenshots.</summary>
    public static async Task RunAsync(IPage page, string testName, Func<Task> steps)
    {
        try
        {
            await steps();
        }
        catch
        {
            Directory.CreateDirectory(RepositoryPaths.Screenshots);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Screenshots, testName + ".png"), FullPage = true });
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (App is not null) await App.DisposeAsync();
        if (Dashboard is not null) await Dashboard.DisposeAsync();
    }
}
