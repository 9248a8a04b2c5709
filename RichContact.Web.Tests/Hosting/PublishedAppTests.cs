using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using RichContact.Engine.Storage;
using RichContact.Testing;
using RichContact.Web.Tests.Support;

namespace RichContact.Web.Tests.Hosting;

/// <summary>
/// `dotnet publish RichContact.Web -c Release -o out` gives an app that runs on its own, from any
/// working directory, and serves the repository's top-level wwwroot/.
/// </summary>
public sealed class PublishedAppTests : IAsyncLifetime
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "richcontact-publish", Guid.NewGuid().ToString("n"));
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private Process? _app;
    private readonly StringWriter _appOutput = new();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_work);
        var publish = await RunAsync("dotnet", $"publish \"{Path.Combine(RepositoryPaths.Root, "RichContact.Web")}\" -c Release -o \"{Path.Combine(_work, "out")}\" --nologo");
        Assert.True(publish.ExitCode == 0, "dotnet publish failed:\n" + publish.Output);

        var port = FreePort.Next();
        _http.BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(_work, "out", "RichContact.Web.dll")}\" --urls {_http.BaseAddress}")
        {
            WorkingDirectory = _work, // not the publish folder: the app must not depend on where it is started
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["RichContact__DataDirectory"] = Path.Combine(_work, "data");
        start.Environment["RichContact__Sandbox__Url"] = $"http://127.0.0.1:{FreePort.Next()}";
        start.Environment["RichContact__Sandbox__Traffic__Enabled"] = "false";
        _app = Process.Start(start)!;
        _app.OutputDataReceived += (_, e) => { lock (_appOutput) _appOutput.WriteLine(e.Data); };
        _app.ErrorDataReceived += (_, e) => { lock (_appOutput) _appOutput.WriteLine(e.Data); };
        _app.BeginOutputReadLine();
        _app.BeginErrorReadLine();
        await WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
    }

    [Theory]
    [InlineData("app.css", "text/css")]
    [InlineData("logo.svg", "image/svg+xml")]
    [InlineData("favicon.svg", "image/svg+xml")]
    public async Task Published_app_serves_the_top_level_wwwroot(string asset, string contentType)
    {
        var response = await _http.GetAsync(asset);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Root, "wwwroot", asset)), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Published_pages_link_the_components_own_styles_and_the_app_serves_them()
    {
        // The reconnect message's layout, and which of its lines shows, live in ReconnectModal.razor.css.
        var page = await _http.GetStringAsync("login");
        var href = Regex.Match(page, @"href=""(RichContact\.Web\.[^""]*styles\.css)""");
        Assert.True(href.Success, "no link to the components' styles in the login page");

        var response = await _http.GetAsync(href.Groups[1].Value);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("#components-reconnect-modal", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Published_app_is_ready_with_its_database_in_the_configured_data_directory()
    {
        var ready = await _http.GetAsync("readyz");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.True(File.Exists(Path.Combine(_work, "data", DataDirectory.DatabaseFileName)));
        Assert.True(File.Exists(Path.Combine(_work, "data", DataDirectory.JobStorageFileName)));
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            Assert.False(_app!.HasExited, "The published app exited:\n" + Output());
            try
            {
                if ((await _http.GetAsync("healthz")).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException) { } // not listening yet
            await Task.Delay(100);
        }
        Assert.Fail("The published app did not answer /healthz in time:\n" + Output());
    }

    private string Output() { lock (_appOutput) return _appOutput.ToString(); }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string arguments)
    {
        var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    public async Task DisposeAsync()
    {
        if (_app is { HasExited: false })
        {
            _app.Kill(entireProcessTree: true);
            await _app.WaitForExitAsync();
        }
        _http.Dispose();
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }
}
