namespace RichContact.Sandbox.Tests.Rest;

public sealed class RefusedWebsiteRouteTests : SandboxTestBase
{
    protected override SandboxOptions CreateOptions() => new() { WebsiteRoute = WebsiteRouteReadings.Refused };

    [Fact]
    public async Task A_sandbox_configured_to_refuse_the_route_refuses_it_from_the_start()
    {
        AssertCrispError(await GetAsync($"website/{WebsiteId}"), 403, "restricted_route_tier");
    }
}
