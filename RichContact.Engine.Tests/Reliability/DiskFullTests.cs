using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Engine.Crisp;
using RichContact.Engine.Storage;
using RichContact.Engine.Tests.EndToEnd;
using RichContact.Sandbox;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Reliability;

/// <summary>The data directory's disk fills up while a conversation arrives, then space comes back.</summary>
public sealed class DiskFullTests : IAsyncLifetime
{
    private readonly string _mount = Path.Combine(Path.GetTempPath(), "richcontact-diskfull-" + Guid.NewGuid().ToString("n"));
    private readonly CapturingLoggerProvider _logs = new();
    private CrispSandbox _sandbox = null!;
    private EngineHost? _engine;

    public async Task InitializeAsync()
    {
        _sandbox = await CrispSandbox.StartAsync();
        Directory.CreateDirectory(_mount);
    }

    public async Task DisposeAsync()
    {
        if (_engine is not null) await _engine.DisposeAsync();
        await _sandbox.DisposeAsync();
        // Pooled SQLite connections keep the files open: detach the mount lazily.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await RunAsync("umount", $"-l {_mount}");
        Directory.Delete(_mount, recursive: true);
    }

    [RootFact]
    public async Task Full_disk_logs_a_clear_error_shows_it_as_storage_status_and_creates_the_contact_once_space_is_back()
    {
        Assert.Equal(0, await RunAsync("mount", $"-t tmpfs -o size=8m tmpfs {_mount}"));
        _engine = await EngineHost.StartAsync(_mount, new Dictionary<string, string?>
        {
            ["RichContact:Crisp:Identifier"] = _sandbox.Options.Identifier,
            ["RichContact:Crisp:Key"] = _sandbox.Options.Key,
            ["RichContact:Crisp:ApiUrl"] = _sandbox.ApiUrl.ToString(),
            ["RichContact:CollectionWindowSeconds"] = "1",
        }, services => services.AddLogging(logging => logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Information)));
        var activity = new ActivityRecorder(_engine.Get<ActivityStream>());
        await EngineEndToEndTest.WaitForStateAsync(_engine.Get<CrispConnectionStatus>(), CrispConnectionState.Connected);
        var websiteId = _sandbox.Options.Websites[0].Id;

        // Fill every byte that is left.
        var filler = Path.Combine(_mount, "filler");
        await using (var stream = new FileStream(filler, FileMode.Create))
        {
            try { while (true) await stream.WriteAsync(new byte[64 * 1024]); }
            catch (IOException) { }
        }
        var storage = _engine.Get<StorageStatus>();
        var session = await _sandbox.Control.StartConversationAsync(new StartConversationRequest { WebsiteId = websiteId, Origin = "whatsapp", Phone = "+351912345678" });
        await Eventually.TrueAsync(() => _logs.Lines.Any(l => l.StartsWith("Error") && l.Contains(session) && l.Contains("disk full")), "a clear error in the log");
        var failure = Assert.Single(storage.Failures);
        Assert.Equal(StorageFile.JobStorage, failure.File);
        Assert.Contains("disk full or database locked", failure.Message);
        Assert.Equal(1, _engine.Get<ContactJobScheduler>().HeldCount);

        // Space comes back; the visitor writes nothing more: the held conversation is scheduled.
        File.Delete(filler);

        Assert.Equal(ActivityOutcome.Created, (await activity.OutcomeAsync(session)).Outcome);
        Assert.Single(activity.For(session));
        Assert.Single(await _sandbox.Control.ProfilesAsync(websiteId));
        Assert.Empty(storage.Failures);
    }

    private static async Task<int> RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
