namespace RichContact.Engine.Crisp;

/// <summary>Configuration section <c>RichContact:Crisp</c>: the plugin token from the Crisp Marketplace.</summary>
public sealed class CrispOptions
{
    public const string Section = "RichContact:Crisp";

    public const string DefaultApiUrl = "https://api.crisp.chat/v1/";

    /// <summary>The plugin token identifier. Empty together with <see cref="Key"/>: sandbox mode.</summary>
    public string? Identifier { get; set; }

    /// <summary>The plugin token key (a secret: never logged).</summary>
    public string? Key { get; set; }

    public string ApiUrl { get; set; } = DefaultApiUrl;

    /// <summary>Crisp's daily request quota for the plugin (5,000 by default in the Marketplace).</summary>
    public int DailyRequestBudget { get; set; } = 5000;

    /// <summary>
    /// After Crisp refuses the plugin token on RTM (<c>unauthorized</c>), wait this long before trying
    /// again, doubling while it keeps refusing up to <see cref="Rtm.RtmTimings.MaxUnauthorizedRetryMinutes"/>.
    /// A refusal may be spurious (a minute's outage, not ten); a token Crisp keeps refusing is tried
    /// ever more rarely, so that Crisp is not hammered with keys it refuses (docs/crisp.md).
    /// </summary>
    public double UnauthorizedRetryMinutes { get; set; } = 1;

    /// <summary>
    /// How Crisp's events reach this process: <see cref="CrispEventSource.Rtm"/> (one Socket.IO
    /// connection, the default) or <see cref="CrispEventSource.Hooks"/> (Crisp POSTs them to
    /// <c>/crisp/hooks</c>, signed with <see cref="HookSecret"/>).
    /// </summary>
    public CrispEventSource Events { get; set; } = CrispEventSource.Rtm;

    /// <summary>The plugin's Web Hooks secret from the Crisp Marketplace (a secret: never logged). Required with <see cref="CrispEventSource.Hooks"/>.</summary>
    public string? HookSecret { get; set; }

    public bool HasCredentials => !string.IsNullOrWhiteSpace(Identifier) && !string.IsNullOrWhiteSpace(Key);
}
