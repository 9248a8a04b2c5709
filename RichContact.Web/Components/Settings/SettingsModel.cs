using RichContact.Engine.Settings;

namespace RichContact.Web.Components.Settings;

/// <summary>The form's editable copy of <see cref="WebsiteSettings"/>.</summary>
public sealed class SettingsModel
{
    public required string WebsiteId { get; init; }
    public bool Enabled { get; set; }
    public bool AllChannels { get; set; }
    public List<string> Channels { get; init; } = [];
    public List<string> Segments { get; init; } = [];
    public bool SkipIfEmailExists { get; set; }
    public bool EnrichGeolocation { get; set; }
    public bool MendPlaceholders { get; set; }
    public bool PreviewOnly { get; set; }

    public static SettingsModel From(WebsiteSettings settings) => new()
    {
        WebsiteId = settings.WebsiteId,
        Enabled = settings.Enabled,
        AllChannels = settings.AllChannels,
        Channels = [.. settings.Channels],
        Segments = [.. settings.Segments],
        SkipIfEmailExists = settings.SkipIfEmailExists,
        EnrichGeolocation = settings.EnrichGeolocation,
        MendPlaceholders = settings.MendPlaceholders,
        PreviewOnly = settings.PreviewOnly,
    };

    public WebsiteSettings ToSettings() => new()
    {
        WebsiteId = WebsiteId,
        Enabled = Enabled,
        AllChannels = AllChannels,
        Channels = [.. Channels],
        Segments = [.. Segments],
        SkipIfEmailExists = SkipIfEmailExists,
        EnrichGeolocation = EnrichGeolocation,
        MendPlaceholders = MendPlaceholders,
        PreviewOnly = PreviewOnly,
    };

    public void SetChannel(string channel, bool monitored)
    {
        Channels.Remove(channel);
        if (monitored) Channels.Add(channel);
    }
}
