using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace RichContact.Sandbox.Tests;

/// <summary>A website's people limit, switched at run time: creates refused with each reading's status and reason, then answered again.</summary>
public sealed class PeopleLimitTests : SandboxTestBase
{
    private Task<(int Status, JsonObject Envelope)> CreateAsync(string email) =>
        SendAsync(HttpMethod.Post, $"website/{WebsiteId}/people/profile", new JsonObject { ["email"] = email });

    [Fact]
    public async Task Each_reading_refuses_creates_with_its_answer_until_the_limit_is_lifted()
    {
        foreach (var reading in PeopleLimitReadings.Refusing)
        {
            await Sandbox.Control.SetPeopleLimitAsync(WebsiteId, reading);
            var (status, reason) = PeopleLimitReadings.Answer(reading)!.Value;
            AssertCrispError(await CreateAsync($"{reading}@example.com"), status, reason);
        }
        Assert.Empty(await Sandbox.Control.ProfilesAsync(WebsiteId));

        await Sandbox.Control.SetPeopleLimitAsync(WebsiteId, PeopleLimitReadings.None);
        Assert.Equal(200, (await CreateAsync("lifted@example.com")).Status);
        Assert.Single(await Sandbox.Control.ProfilesAsync(WebsiteId));
    }

    [Fact]
    public async Task An_unknown_reading_or_website_is_refused()
    {
        using var control = new HttpClient { BaseAddress = Sandbox.Url };
        using var unknownReading = await control.PutAsJsonAsync($"_sandbox/websites/{WebsiteId}/people-limit", new { people_limit = "maybe" });
        using var unknownWebsite = await control.PutAsJsonAsync("_sandbox/websites/nowhere/people-limit", new { people_limit = PeopleLimitReadings.PlanLimit });

        Assert.Equal((400, 404), ((int)unknownReading.StatusCode, (int)unknownWebsite.StatusCode));
    }
}
