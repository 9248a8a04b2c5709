using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RichContact.Engine.Storage;
using RichContact.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RichContact.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed partial class AdminPortalBrowserTests(BrowserFixture fixture)
{
    private RichContactApp App => fixture.App;

    [GeneratedRegex(@"/login\?ReturnUrl=")]
    private static partial Regex LoginUrl();

    private string Url(string path) => new Uri(App.BaseUrl, path).ToString();

    private static async Task LogInAsync(IPage page, string password = RichContactApp.AdminPassword)
    {
        await page.GetByTestId("password").FillAsync(password);
        await page.GetByTestId("login").ClickAsync();
    }

    /// <summary>Reads a file the app may still hold open (SQLite), as text good enough to search for digits and names.</summary>
    private static async Task<string> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, System.Text.Encoding.Latin1);
        return await reader.ReadToEndAsync();
    }

    [Fact]
    public async Task Every_admin_url_redirects_to_the_login_when_logged_out()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.RunAsync(page, nameof(Every_admin_url_redirects_to_the_login_when_logged_out), async () =>
        {
            foreach (var path in new[] { "", "activity", "websites", $"websites/{App.Sandbox.Options.Websites[0].Id}", "admin/jobs" })
            {
                await page.GotoAsync(Url(path));
                await Expect(page).ToHaveURLAsync(LoginUrl());
                await Expect(page.GetByTestId("password")).ToBeVisibleAsync();
                await Expect(page.GetByTestId("filters")).ToHaveCountAsync(0);
            }
        });
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_the_right_one_opens_the_page_asked_for_including_the_jobs_dashboard()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.RunAsync(page, nameof(A_wrong_password_is_refused_and_the_right_one_opens_the_page_asked_for_including_the_jobs_dashboard), async () =>
        {
            await page.GotoAsync(Url("websites"));
            await LogInAsync(page, "not the password");
            await Expect(page.GetByTestId("login-error")).ToHaveTextAsync("Wrong password.");

            await LogInAsync(page);
            await Expect(page).ToHaveURLAsync(Url("websites"));
            // The cookie's keys live in the data directory, so logins survive a restart.
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(App.DataDirectory, DataDirectory.KeysDirectoryName), "key-*.xml"));
            // Other browser tests may have installed more websites in the sandbox.
            await Expect(page.GetByTestId("website-row")).ToHaveCountAsync(App.Get<RichContact.Engine.Crisp.Rtm.SubscribedWebsites>().All.Count);
            // A link clicked while the page's circuit starts can change the address without the page (Blazor).
            await Expect(page.Locator("[data-testid=websites][data-interactive]")).ToBeVisibleAsync();
            // A website's page has the same settings form as Crisp's settings page, and its activity.
            var website = App.Sandbox.Options.Websites[1].Id;
            await page.GetByRole(AriaRole.Link, new() { Name = App.Sandbox.Options.Websites[1].Name }).ClickAsync();
            await Expect(page).ToHaveURLAsync(Url($"websites/{website}"));
            await Expect(page.Locator("[data-testid=settings-form][data-interactive]")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("website-activity")).ToBeVisibleAsync();

            var jobs = await page.GotoAsync(Url("admin/jobs"));
            Assert.Equal(200, jobs!.Status);
            await Expect(page).ToHaveTitleAsync(new Regex("Hangfire"));

            await page.GotoAsync(Url(""));
            await page.GetByTestId("logout").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/login$"));
            await page.GotoAsync(Url("activity"));
            await Expect(page).ToHaveURLAsync(LoginUrl());
        });
    }

    [Fact]
    public async Task The_admin_starts_a_sandbox_conversation_and_sees_its_entry_appear_in_the_feed_without_reloading()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.RunAsync(page, nameof(The_admin_starts_a_sandbox_conversation_and_sees_its_entry_appear_in_the_feed_without_reloading), async () =>
        {
            await page.GotoAsync(Url("activity"));
            await LogInAsync(page);
            await Expect(page).ToHaveURLAsync(Url("activity"));
            await Expect(page.GetByTestId("sandbox-banner")).ToBeVisibleAsync();
            await Expect(page.Locator("[data-testid=filters][data-interactive]")).ToBeVisibleAsync();
            await page.EvaluateAsync("() => window.stillTheSamePage = true");

            var phone = await page.GetByTestId("sandbox-phone").InputValueAsync();
            await page.GetByTestId("sandbox-start").ClickAsync();
            var session = await page.GetByTestId("sandbox-started").GetAttributeAsync("data-session");
            Assert.NotNull(session);

            var row = page.Locator($"[data-testid=activity-row][data-session='{session}']");
            await Expect(row).ToBeVisibleAsync();
            await Expect(row).ToHaveAttributeAsync("data-outcome", "Created");
            await Expect(row.GetByTestId("conversation-link")).ToHaveAttributeAsync("href", new Regex($"/inbox/{session}/$"));
            Assert.True(await page.EvaluateAsync<bool>("() => window.stillTheSamePage === true"));
            // What the sandbox form typed never reaches the portal's views, the app's log, nor any file the app wrote.
            await Expect(page.GetByTestId("activity-table")).Not.ToContainTextAsync("Sandbox Visitor");
            var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
            Assert.DoesNotContain(App.Logs.Lines, line => line.Contains(digits) || line.Contains("Sandbox Visitor"));
            foreach (var file in Directory.EnumerateFiles(App.DataDirectory, "*", SearchOption.AllDirectories))
            {
                var bytes = await ReadSharedAsync(file);
                Assert.DoesNotContain(digits, bytes);
                Assert.DoesNotContain("Sandbox Visitor", bytes);
            }

            await DocsScreenshots.SaveAsync(page, "feed.png");

            // The overview counts it, charts it, and shows the engine connected to the sandbox.
            await page.GetByRole(AriaRole.Link, new() { Name = "Overview" }).ClickAsync();
            await Expect(page.GetByTestId("connection-state")).ToHaveAttributeAsync("data-state", "Connected");
            await Expect(page.Locator("[data-testid=created-chart] svg").First).ToBeVisibleAsync();
            Assert.True(await page.EvaluateAsync<bool>("() => window.stillTheSamePage === true"));
            await DocsScreenshots.SaveAsync(page, "overview.png");
        });
    }
}
