namespace RichContact.Web.Sandbox;

/// <summary><c>RichContact:Sandbox:Traffic</c>: the conversations the sandbox generates in sandbox mode.</summary>
public sealed class SandboxTrafficOptions
{
    public const double DefaultRatePerMinute = 6;

    /// <summary>Start the traffic generator (on by default).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>New conversations a minute.</summary>
    public double RatePerMinute { get; set; } = DefaultRatePerMinute;
}
