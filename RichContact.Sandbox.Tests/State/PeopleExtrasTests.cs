using System.Text.Json.Nodes;

namespace RichContact.Sandbox.Tests.State;

/// <summary>A profile's email subscription and timeline events, as the official clients show the routes.</summary>
public class PeopleExtrasTests : SandboxTestBase
{
    private async Task<string> CreateAsync(string email)
    {
        var (status, envelope) = await SendAsync(HttpMethod.Post, $"website/{WebsiteId}/people/profile",
            new JsonObject { ["email"] = email, ["person"] = new JsonObject { ["nickname"] = "Ana" } });
        Assert.Equal(200, status);
        return envelope["data"]!["people_id"]!.GetValue<string>();
    }

    [Fact]
    public async Task Profile_receives_emails_until_unsubscribed_and_keeps_its_timeline_events()
    {
        var peopleId = await CreateAsync("351912000001@whatsapp.nomail");

        var before = await GetAsync($"website/{WebsiteId}/people/subscription/{peopleId}");
        var patched = await SendAsync(HttpMethod.Patch, $"website/{WebsiteId}/people/subscription/{peopleId}", new JsonObject { ["email"] = false });
        var after = await GetAsync($"website/{WebsiteId}/people/subscription/{peopleId}");
        var added = await SendAsync(HttpMethod.Post, $"website/{WebsiteId}/people/events/{peopleId}", new JsonObject { ["text"] = "Hello", ["color"] = "blue" });
        var extras = await Sandbox.Control.PeopleExtrasAsync(WebsiteId, peopleId);

        Assert.True(before.Envelope["data"]!["email"]!.GetValue<bool>());
        Assert.Equal(200, patched.Status);
        Assert.False(after.Envelope["data"]!["email"]!.GetValue<bool>());
        Assert.Equal(200, added.Status);
        Assert.False(extras["email_subscribed"]!.GetValue<bool>());
        Assert.Equal("Hello", Assert.Single(extras["events"]!.AsArray())!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_profile_and_bad_bodies_are_refused()
    {
        var peopleId = await CreateAsync("ana@example.com");

        AssertCrispError(await SendAsync(HttpMethod.Patch, $"website/{WebsiteId}/people/subscription/nobody", new JsonObject { ["email"] = false }), 404, "people_not_found");
        AssertCrispError(await SendAsync(HttpMethod.Patch, $"website/{WebsiteId}/people/subscription/{peopleId}", new JsonObject { ["email"] = "no" }), 400, "invalid_data");
        AssertCrispError(await SendAsync(HttpMethod.Post, $"website/{WebsiteId}/people/events/{peopleId}", new JsonObject { ["text"] = "" }), 400, "invalid_data");
    }
}
