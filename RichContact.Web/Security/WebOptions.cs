namespace RichContact.Web.Security;

/// <summary>Configuration section <c>RichContact:Web</c>.</summary>
public sealed class WebOptions
{
    public const string Section = "RichContact:Web";

    /// <summary>
    /// Origins allowed to frame the Crisp settings page (CSP <c>frame-ancestors</c> sources, space
    /// separated). Crisp's dashboard is <c>https://app.crisp.chat</c>; keep it configurable since it
    /// is not documented as a contract.
    /// </summary>
    public string FrameAncestors { get; set; } = "https://app.crisp.chat";

    /// <summary>Loads of the Crisp settings page one client may make a minute (<see cref="SettingsPageRateLimit"/>).</summary>
    public int SettingsRequestsPerMinute { get; set; } = 60;
}
