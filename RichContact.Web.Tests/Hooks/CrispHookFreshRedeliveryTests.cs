using RichContact.Sandbox.Hooks;

namespace RichContact.Web.Tests.Hooks;

/// <summary>The same, when Crisp signs a delivery anew each time it sends it again.</summary>
public sealed class CrispHookFreshRedeliveryTests : CrispHookTests
{
    protected override string Redelivery => HookRedeliveries.Fresh;
}
