using Microsoft.Data.Sqlite;
using RichContact.Engine.Settings;
using RichContact.Engine.Storage;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Settings;

public class WebsiteSettingsStoreTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Unknown_website_gets_the_out_of_the_box_defaults()
    {
        await using var engine = await EngineHost.StartAsync(_data.Path);

        var settings = await engine.Get<WebsiteSettingsStore>().GetAsync("never-saved");

        Assert.Equal("never-saved", settings.WebsiteId);
        Assert.True(settings.Enabled);
        Assert.True(settings.AllChannels);
        Assert.Empty(settings.Channels);
        Assert.Empty(settings.Segments);
        Assert.True(settings.SkipIfEmailExists);
        Assert.False(settings.EnrichGeolocation);
        Assert.True(settings.Monitors("whatsapp"));
        Assert.True(settings.Monitors("a-channel-nobody-has-seen"));
    }

    [Fact]
    public async Task Saved_settings_survive_a_restart_on_the_same_sqlite_file()
    {
        var saved = new WebsiteSettings
        {
            WebsiteId = "website-1",
            Enabled = false,
            AllChannels = false,
            Channels = ["whatsapp", "instagram"],
            Segments = ["lead", "vip"],
            SkipIfEmailExists = false,
            EnrichGeolocation = true,
        };
        await using (var engine = await EngineHost.StartAsync(_data.Path))
            Assert.True((await engine.Get<WebsiteSettingsStore>().SaveAsync(saved)).IsValid);

        await using (var restarted = await EngineHost.StartAsync(_data.Path))
        {
            var reloaded = await restarted.Get<WebsiteSettingsStore>().GetAsync("website-1");

            Assert.Equal(saved with { UpdatedAt = reloaded.UpdatedAt }, reloaded with { Channels = saved.Channels, Segments = saved.Segments });
            Assert.Equal(saved.Channels, reloaded.Channels);
            Assert.Equal(saved.Segments, reloaded.Segments);
            Assert.NotNull(reloaded.UpdatedAt);
            Assert.False(reloaded.Monitors("whatsapp"));
        }
    }

    [Fact]
    public async Task Saving_replaces_the_settings_read_by_the_next_caller_at_once()
    {
        await using var engine = await EngineHost.StartAsync(_data.Path);
        var store = engine.Get<WebsiteSettingsStore>();
        Assert.True((await store.GetAsync("website-1")).Monitors("whatsapp"));

        await store.SaveAsync(WebsiteSettings.DefaultsFor("website-1") with { AllChannels = false, Channels = ["instagram"] });

        var current = await store.GetAsync("website-1");
        Assert.False(current.Monitors("whatsapp"));
        Assert.True(current.Monitors("instagram"));
    }

    [Fact]
    public async Task Invalid_settings_are_refused_and_nothing_is_stored()
    {
        await using var engine = await EngineHost.StartAsync(_data.Path);
        var store = engine.Get<WebsiteSettingsStore>();

        var result = await store.SaveAsync(WebsiteSettings.DefaultsFor("website-1") with { Enabled = false, Segments = ["not valid"] });

        Assert.False(result.IsValid);
        Assert.True((await store.GetAsync("website-1")).Enabled);
        await using var db = new SqliteConnection($"Data Source={Path.Combine(_data.Path, DataDirectory.DatabaseFileName)}");
        await db.OpenAsync();
        using var count = db.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM website_settings";
        Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
    }
}
