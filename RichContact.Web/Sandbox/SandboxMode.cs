using Microsoft.Extensions.Options;
using RichContact.Engine.Crisp;
using RichContact.Sandbox;

namespace RichContact.Web.Sandbox;

/// <summary>
/// Sandbox mode: no Crisp plugin token is configured, so the web app runs the built-in local Crisp
/// (RichContact.Sandbox) in-process and points the engine at it. A newcomer sees the product work
/// without a Crisp account.
/// </summary>
public sealed class SandboxMode
{
    public static readonly SandboxMode Off = new();

    private SandboxMode()
    {
        Enabled = false;
        Url = "";
        Options = new SandboxOptions();
    }

    public SandboxMode(IOptions<SandboxModeOptions> mode, ConfiguredCrisp crisp, IOptions<SandboxOptions> sandbox)
    {
        var options = mode.Value;
        Enabled = Applies(crisp.Options, options);
        Url = Enabled ? options.ListenUrl : "";
        Options = Enabled ? sandbox.Value : new SandboxOptions();
        TrafficEnabled = options.Traffic.Enabled;
        TrafficPerMinute = options.Traffic.RatePerMinute;
    }

    public bool Enabled { get; }

    /// <summary>Where the sandbox listens (<see cref="SandboxModeOptions.Url"/>).</summary>
    public string Url { get; }

    public SandboxOptions Options { get; }

    /// <summary>Start the traffic generator (<see cref="SandboxTrafficOptions.Enabled"/>).</summary>
    public bool TrafficEnabled { get; } = true;

    /// <summary>New conversations a minute (<see cref="SandboxTrafficOptions.RatePerMinute"/>).</summary>
    public double TrafficPerMinute { get; } = SandboxTrafficOptions.DefaultRatePerMinute;

    public Uri ApiUrl => new(new Uri(Url.TrimEnd('/') + "/"), "v1/");

    /// <summary>
    /// Sandbox mode applies when neither the Crisp identifier nor the key is configured and
    /// <c>RichContact:Sandbox:Enabled</c> is not false. Decided on the credentials as configured, not on
    /// the options sandbox mode changes. Only one of the two set is a mistake: the engine's options
    /// validator stops the app with a message, instead of a production install quietly running against
    /// the sandbox.
    /// </summary>
    public static bool Applies(CrispOptions configured, SandboxModeOptions options) =>
        options.Enabled && string.IsNullOrWhiteSpace(configured.Identifier) && string.IsNullOrWhiteSpace(configured.Key);
}
