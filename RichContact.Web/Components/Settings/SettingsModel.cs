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
    /// <summary>An ISO code, or "" for none (what the list's first option holds).</summary>
    public string DefaultCountry { get; set; } = "";
    /// <summary>The exclusion list as the owner types it: one entry per line.</summary>
    public string Exclusions { get; set; } = "";
    public bool UnsubscribePlaceholders { get; set; }
    public bool TimelineEvent { get; set; }
    public bool PhonelessContacts { get; set; }

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
        DefaultCountry = settings.DefaultCountry ?? "",
        Exclusions = string.Join('\n', settings.Exclusions),
        UnsubscribePlaceholders = settings.UnsubscribePlaceholders,
        TimelineEvent = settings.TimelineEvent,
        PhonelessContacts = settings.PhonelessContacts,
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
        DefaultCountry = string.IsNullOrWhiteSpace(DefaultCountry) ? null : DefaultCountry,
        // Every line, blank ones too: the validator names a refused line by its number in the box.
        Exclusions = Exclusions.ReplaceLineEndings("\n").Split('\n'),
        UnsubscribePlaceholders = UnsubscribePlaceholders,
        TimelineEvent = TimelineEvent,
        PhonelessContacts = PhonelessContacts,
    };

    public void SetChannel(string channel, bool monitored)
    {
        Channels.Remove(channel);
        if (monitored) Channels.Add(channel);
    }
}
