namespace RichContact.Web.Components.Settings;

/// <summary>
/// What the settings form holds and has not saved, kept in the browser's sessionStorage: a page whose
/// circuit is lost for good (Rich Contact restarted) reloads, and the form gets it back.
/// </summary>
public sealed record SettingsDraft(SettingsModel Settings, string NewSegment)
{
    /// <summary>The sessionStorage key: one draft per website, per browser tab.</summary>
    public static string KeyFor(string websiteId) => "richcontact-settings-draft:" + websiteId;
}
