using RichContact.Engine;
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
    public const string DefaultUrl = RichContact.Sandbox.Program.DefaultUrl;
    public const double DefaultTrafficPerMinute = 6;

    public static readonly SandboxMode Off = new() { Enabled = false, Url = "", Options = new SandboxOptions() };

    public bool Enabled { get; private init; } = true;

    /// <summary>Where the sandbox listens (<c>RichContact:Sandbox:Url</c>); a fixed port, because the engine's options need it before anything starts.</summary>
    public required string Url { get; init; }

    public required SandboxOptions Options { get; init; }

    /// <summary>Start the traffic generator (<c>RichContact:Sandbox:Traffic:Enabled</c>, on by default).</summary>
    public bool TrafficEnabled { get; init; } = true;

    /// <summary>New conversations a minute (<c>RichContact:Sandbox:Traffic:RatePerMinute</c>).</summary>
    public double TrafficPerMinute { get; init; } = DefaultTrafficPerMinute;

    public Uri ApiUrl => new(new Uri(Url.TrimEnd('/') + "/"), "v1/");

    /// <summary>
    /// Sandbox mode applies when neither the Crisp identifier nor the key is configured and
    /// <c>RichContact:Sandbox:Enabled</c> is not false. Read from configuration (not from the options it
    /// changes). Only one of the two set is a mistake: the options validator stops the app with a message,
    /// instead of a production install quietly running against the sandbox.
    /// </summary>
    public static SandboxMode FromConfiguration(IConfiguration configuration)
    {
        var crisp = configuration.GetSection($"{RichContactOptions.Section}:Crisp").Get<CrispOptions>() ?? new CrispOptions();
        var section = configuration.GetSection(SandboxOptions.Section);
        var noCredentials = string.IsNullOrWhiteSpace(crisp.Identifier) && string.IsNullOrWhiteSpace(crisp.Key);
        if (!noCredentials || !section.GetValue("Enabled", true))
            return Off;

        var mode = new SandboxMode
        {
            Url = section["Url"] is { Length: > 0 } url ? url : DefaultUrl,
            Options = SandboxOptions.FromConfiguration(configuration),
            TrafficEnabled = section.GetValue("Traffic:Enabled", true),
            TrafficPerMinute = section.GetValue("Traffic:RatePerMinute", DefaultTrafficPerMinute),
        };
        if (mode.TrafficPerMinute <= 0)
            throw new InvalidOperationException($"RichContact:Sandbox:Traffic:RatePerMinute must be above 0 (got {mode.TrafficPerMinute}).");
        if (!Uri.TryCreate(mode.Url, UriKind.Absolute, out var parsed) || parsed.Scheme != Uri.UriSchemeHttp || parsed.Port == 0)
            throw new InvalidOperationException($"RichContact:Sandbox:Url must be an absolute http URL with a fixed port (got '{mode.Url}').");
        return mode;
    }
}
