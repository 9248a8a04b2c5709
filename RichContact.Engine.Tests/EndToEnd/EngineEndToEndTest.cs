using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Engine.Crisp;
using RichContact.Engine.Settings;
using RichContact.Sandbox;
using RichContact.Testing;

namespace RichContact.Engine.Tests.EndToEnd;

/// <summary>
/// The engine composed from configuration alone, pointed at a sandbox over real loopback HTTP and
/// WebSockets, with real SQLite files in a temp data directory — or, in a subclass that sets
/// <see cref="OnPostgres"/>, a fresh PostgreSQL database (the classes of Postgres/).
/// </summary>
public abstract class EngineEndToEndTest : IAsyncLifetime
{
    protected static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    protected CrispSandbox Sandbox { get; set; } = null!;
    protected EngineHost Engine { get; private set; } = null!;
    protected ActivityRecorder Activity { get; private set; } = null!;
    protected TempDataDirectory Data { get; } = new();
    protected CapturingLoggerProvider Logs { get; } = new();

    protected string WebsiteId => Sandbox.Options.Websites[0].Id;
    protected virtual double CollectionWindowSeconds => 1;
    protected virtual int DailyRequestBudget => 5000;
    /// <summary>Configuration added to the engine's, e.g. a shortened option (<c>RichContact:Rtm:WatchdogSeconds</c>...).</summary>
    protected virtual IDictionary<string, string?> EngineSettings => new Dictionary<string, string?>();

    /// <summary>Services replaced in the engine, e.g. a budget on a clock the test moves.</summary>
    protected virtual void ConfigureServices(IServiceCollection services) { }

    protected virtual SandboxOptions? SandboxSettings => null;

    /// <summary>The engine stores on PostgreSQL (a database of its own per test) instead of SQLite files.</summary>
    protected virtual bool OnPostgres => false;

    /// <summary>The test's PostgreSQL database when <see cref="OnPostgres"/>; kept across engine restarts.</summary>
    protected PostgresDatabase? Postgres { get; private set; }

    public virtual async Task InitializeAsync()
    {
        if (OnPostgres)
            Postgres = await PostgresDatabase.CreateAsync();
        Sandbox = await CrispSandbox.StartAsync(SandboxSettings);
        await StartEngineAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await StopEngineAsync();
        if (Postgres is not null)
            await Postgres.DisposeAsync();
        await Sandbox.DisposeAsync();
        // For diagnosing a failure seen once: RICHCONTACT_TEST_LOGS=<dir> keeps every test's engine log there.
        if (Environment.GetEnvironmentVariable("RICHCONTACT_TEST_LOGS") is { Length: > 0 } logs)
            File.WriteAllLines(System.IO.Path.Combine(Directory.CreateDirectory(logs).FullName, $"{GetType().Name}-{Guid.NewGuid():N}.log"), Logs.Lines);
        Data.Dispose();
    }

    protected async Task StartEngineAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["RichContact:Crisp:Identifier"] = Sandbox.Options.Identifier,
            ["RichContact:Crisp:Key"] = Sandbox.Options.Key,
            ["RichContact:Crisp:ApiUrl"] = Sandbox.ApiUrl.ToString(),
            ["RichContact:Crisp:DailyRequestBudget"] = DailyRequestBudget.ToString(),
            ["RichContact:CollectionWindowSeconds"] = CollectionWindowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // A test that drops the socket waits for the reconnection.
            ["RichContact:Rtm:ReconnectDelaySeconds"] = "0.2",
            ["RichContact:Rtm:MaxReconnectDelaySeconds"] = "1",
        };
        foreach (var (key, value) in Postgres?.EngineSettings ?? new Dictionary<string, string?>())
            settings[key] = value;
        foreach (var (key, value) in EngineSettings)
            settings[key] = value;
        Engine = await EngineHost.StartAsync(Data.Path, settings, services =>
        {
            services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
            ConfigureServices(services);
        });
        Activity = new ActivityRecorder(Engine.Get<ActivityStream>());
        await WaitForConnectionAsync();
    }

    protected async Task StopEngineAsync()
    {
        if (Engine is not null)
            await Engine.DisposeAsync();
    }

    /// <summary>Waits until the RTM socket is authenticated (the engine then hears every event).</summary>
    protected Task WaitForConnectionAsync(TimeSpan? timeout = null) =>
        WaitForStateAsync(Engine.Get<CrispConnectionStatus>(), CrispConnectionState.Connected, timeout);

    /// <summary>Waits until the connection status reaches <paramref name="state"/> (now or later).</summary>
    internal static async Task WaitForStateAsync(CrispConnectionStatus status, CrispConnectionState state, TimeSpan? timeout = null)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check() { if (status.State == state) reached.TrySetResult(); }
        status.Changed += Check;
        try
        {
            Check();
            await reached.Task.WaitAsync(timeout ?? Timeout);
        }
        finally
        {
            status.Changed -= Check;
        }
    }

    protected Task<string> StartConversationAsync(string origin, string? phone = null, string? nickname = null, string? email = null,
        string? country = null, string? city = null, string metaOrder = MetaOrders.Before, int spacingMs = 0, string? websiteId = null,
        string? channelUserId = null) =>
        Sandbox.Control.StartConversationAsync(new StartConversationRequest
        {
            WebsiteId = websiteId ?? WebsiteId, Origin = origin, Phone = phone, Nickname = nickname, Email = email,
            Country = country, City = city, MetaOrder = metaOrder, MetaSpacingMs = spacingMs, ChannelUserId = channelUserId,
        });

    /// <summary>Waits until the engine has seen the conversation's first message (its job is scheduled).</summary>
    protected Task WaitUntilTrackedAsync(string sessionId) =>
        Eventually.TrueAsync(() => Engine.Get<HeardConversations>().Get(new ConversationKey(WebsiteId, sessionId)) is not null,
            "the engine to see the conversation");

    protected Task<IReadOnlyList<JsonObject>> ProfilesAsync(string? websiteId = null) => Sandbox.Control.ProfilesAsync(websiteId ?? WebsiteId);

    protected Task SaveSettingsAsync(Func<WebsiteSettings, WebsiteSettings> change, string? websiteId = null) =>
        Engine.Get<WebsiteSettingsStore>().SaveAsync(change(WebsiteSettings.DefaultsFor(websiteId ?? WebsiteId)));

    protected Task SeedProfileAsync(string email, string? phone = null, string? nickname = null)
    {
        var person = new JsonObject();
        if (phone is not null) person["phone"] = phone;
        if (nickname is not null) person["nickname"] = nickname;
        return Sandbox.Control.SeedProfileAsync(WebsiteId, new JsonObject { ["email"] = email, ["person"] = person });
    }

    protected static string? Phone(JsonObject profile) => profile["person"]?["phone"]?.GetValue<string>();
    protected static string? Email(JsonObject profile) => profile["email"]?.GetValue<string>();
    protected static string? Nickname(JsonObject profile) => profile["person"]?["nickname"]?.GetValue<string>();
    protected static string[] Segments(JsonObject profile) => profile["segments"]?.AsArray().Select(s => s!.GetValue<string>()).ToArray() ?? [];
}
