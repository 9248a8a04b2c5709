using System.Text.Json;

namespace RichContact.Web.Components.Settings;

/// <summary>
/// What the settings form holds and has not saved, kept in the browser tab (<see cref="SettingsDraftStorage"/>):
/// a page whose circuit is lost for good (Rich Contact restarted) starts again, and the form gets it back.
/// </summary>
public sealed record SettingsDraft(SettingsModel Settings, string NewSegment)
{
    /// <summary>The sessionStorage key: one draft per website, per browser tab.</summary>
    public static string KeyFor(string websiteId) => "richcontact-settings-draft:" + websiteId;

    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>The draft of this website in <paramref name="json"/>; null when it is none (another website's, or not one this version wrote).</summary>
    public static SettingsDraft? FromJson(string json, string websiteId)
    {
        try
        {
            return JsonSerializer.Deserialize<SettingsDraft>(json) is { } draft && draft.Settings.WebsiteId == websiteId ? draft : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
