using RichContact.Engine.Crisp;

namespace RichContact.Web.Sandbox;

/// <summary>
/// <c>RichContact:Crisp</c> as configured, before sandbox mode replaces the engine's credentials with the
/// sandbox's: whether a plugin token is configured decides sandbox mode. A type of its own, read from the
/// configuration, because the engine's <see cref="CrispOptions"/> are post-configured by
/// <see cref="SandboxMode"/> itself.
/// </summary>
public sealed record ConfiguredCrisp(CrispOptions Options);
