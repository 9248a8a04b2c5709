namespace RichContact.Web.Security;

/// <summary>Configuration section <c>RichContact:Web</c>.</summary>
public sealed class WebOptions
{
    public const string Section = "RichContact:Web";

    /// <summary>Loopback alone: a reverse proxy on the same machine, as in the sample unit.</summary>
    public const string Loopback = "127.0.0.0/8 ::1/128";

    /// <summary>
    /// Origins allowed to frame the Crisp settings page (CSP <c>frame-ancestors</c> sources, space
    /// separated). Crisp's dashboard is <c>https://app.crisp.chat</c>; keep it configurable since it
    /// is not documented as a contract.
    /// </summary>
    public string FrameAncestors { get; set; } = "https://app.crisp.chat";

    /// <summary>
    /// The reverse proxies (addresses or CIDR networks, space separated) whose <c>X-Forwarded-For</c>
    /// and <c>X-Forwarded-Proto</c> are believed (<see cref="TrustedProxies"/>). A forwarded header
    /// from any other sender is ignored: the client is the connection's own address. The login
    /// throttle and <c>/metrics</c> judge that address.
    /// </summary>
    public string TrustedProxies { get; set; } = Loopback;

    /// <summary>Loads of the Crisp settings page one client may make a minute (<see cref="SettingsPageRateLimit"/>).</summary>
    public int SettingsRequestsPerMinute { get; set; } = 60;
}
