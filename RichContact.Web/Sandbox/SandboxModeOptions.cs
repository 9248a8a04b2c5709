using RichContact.Sandbox;

namespace RichContact.Web.Sandbox;

/// <summary>
/// The web app's side of <c>RichContact:Sandbox</c>: whether sandbox mode may run, where the sandbox
/// listens and its traffic. The sandbox's own settings in the same section are <see cref="SandboxOptions"/>.
/// </summary>
public sealed class SandboxModeOptions
{
    public const string Section = SandboxOptions.Section;
    public const string DefaultUrl = RichContact.Sandbox.Program.DefaultUrl;

    /// <summary>Without Crisp credentials, run the built-in sandbox (false: run with no Crisp at all).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where the sandbox listens; a fixed port, because the engine's options need it before anything starts. Empty: <see cref="DefaultUrl"/>.</summary>
    public string? Url { get; set; } = DefaultUrl;

    public SandboxTrafficOptions Traffic { get; set; } = new();

    /// <summary><see cref="Url"/>, or <see cref="DefaultUrl"/> when it is empty.</summary>
    public string ListenUrl => string.IsNullOrEmpty(Url) ? DefaultUrl : Url;
}
