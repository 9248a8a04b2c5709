using System.Text.Json.Nodes;

namespace RichContact.Sandbox.Tests;

public sealed class RefusedPeopleSubscriptionTests : SandboxTestBase
{
    protected override SandboxOptions CreateOptions() => new() { PeopleSubscription = PeopleSubscriptionReadings.Refused };

    [Fact]
    public async Task A_sandbox_configured_to_refuse_the_subscription_route_refuses_a_plugin_token()
    {
        AssertCrispError(await SendAsync(HttpMethod.Patch, $"website/{WebsiteId}/people/subscription/anyone", new JsonObject { ["email"] = false }),
            403, "restricted_route_tier");
    }
}
