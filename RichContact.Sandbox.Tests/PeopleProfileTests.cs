using System.Text.Json.Nodes;

namespace RichContact.Sandbox.Tests;

public sealed class PeopleProfileTests : SandboxTestBase
{
    private string Profile => $"website/{WebsiteId}/people/profile";

    private static JsonObject NewProfile(string email, string? phone = null, string? nickname = null, params string[] segments) => new()
    {
        ["email"] = email,
        ["person"] = new JsonObject { ["nickname"] = nickname ?? "Ana Silva", ["phone"] = phone },
        ["segments"] = new JsonArray(segments.Select(s => (JsonNode)s).ToArray()),
    };

    private async Task<string> CreateAsync(JsonObject profile)
    {
        var (status, envelope) = await SendAsync(HttpMethod.Post, Profile, profile);
        Assert.Equal(200, status);
        return envelope["data"]!["people_id"]!.GetValue<string>();
    }

    [Fact]
    public async Task Creating_a_profile_returns_its_people_id_and_stores_it_with_a_creation_time()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var peopleId = await CreateAsync(NewProfile("ana@example.com", "+351912345678", segments: "whatsapp"));

        var (status, envelope) = await GetAsync($"{Profile}/{peopleId}");
        Assert.Equal(200, status);
        var profile = envelope["data"]!;
        Assert.Equal(peopleId, profile["people_id"]!.GetValue<string>());
        Assert.Equal("ana@example.com", profile["email"]!.GetValue<string>());
        Assert.Equal("+351912345678", profile["person"]!["phone"]!.GetValue<string>());
        Assert.Equal("whatsapp", profile["segments"]![0]!.GetValue<string>());
        Assert.InRange(profile["created_at"]!.GetValue<long>(), before, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Creating_a_profile_without_an_email_is_invalid_data()
    {
        AssertCrispError(await SendAsync(HttpMethod.Post, Profile, new JsonObject { ["person"] = new JsonObject { ["nickname"] = "No Email" } }), 400, "invalid_data");
    }

    [Fact]
    public async Task Creating_a_profile_whose_email_exists_in_another_case_answers_409()
    {
        await CreateAsync(NewProfile("Ana@Example.com"));
        var (status, envelope) = await SendAsync(HttpMethod.Post, Profile, NewProfile("ana@EXAMPLE.com"));
        Assert.Equal(409, status);
        Assert.True(envelope["error"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Head_finds_a_profile_by_id_and_by_email_and_answers_404_otherwise()
    {
        var peopleId = await CreateAsync(NewProfile("ana@example.com"));

        async Task<int> Head(string id)
        {
            using var response = await Rest.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"{Profile}/{Uri.EscapeDataString(id)}"));
            return (int)response.StatusCode;
        }

        Assert.Equal(200, await Head(peopleId));
        Assert.Equal(200, await Head("ANA@example.com"));
        Assert.Equal(404, await Head("nobody@example.com"));
    }

    [Fact]
    public async Task Get_of_a_missing_profile_is_people_not_found()
    {
        AssertCrispError(await GetAsync($"{Profile}/{Guid.NewGuid()}"), 404, "people_not_found");
    }

    [Fact]
    public async Task Put_replaces_the_profile_and_keeps_its_id()
    {
        var peopleId = await CreateAsync(NewProfile("ana@example.com", "+351912345678", segments: "lead"));

        var (status, _) = await SendAsync(HttpMethod.Put, $"{Profile}/{peopleId}", new JsonObject
        {
            ["email"] = "ana.silva@example.com",
            ["person"] = new JsonObject { ["nickname"] = "Ana S." },
        });
        var (_, envelope) = await GetAsync($"{Profile}/{Uri.EscapeDataString("ana.silva@example.com")}");

        Assert.Equal(200, status);
        var profile = envelope["data"]!;
        Assert.Equal(peopleId, profile["people_id"]!.GetValue<string>());
        Assert.Equal("Ana S.", profile["person"]!["nickname"]!.GetValue<string>());
        Assert.Null(profile["person"]!["phone"]);
        Assert.Null(profile["segments"]);
        Assert.Equal(404, (await GetAsync($"{Profile}/{Uri.EscapeDataString("ana@example.com")}")).Status);
    }

    [Fact]
    public async Task Patch_merges_into_the_profile()
    {
        var peopleId = await CreateAsync(NewProfile("ana@example.com", "+351912345678"));

        var (status, _) = await SendAsync(HttpMethod.Patch, $"{Profile}/ana@example.com", new JsonObject
        {
            ["person"] = new JsonObject { ["geolocation"] = new JsonObject { ["country"] = "PT" } },
        });
        var (_, envelope) = await GetAsync($"{Profile}/{peopleId}");

        Assert.Equal(200, status);
        Assert.Equal("+351912345678", envelope["data"]!["person"]!["phone"]!.GetValue<string>());
        Assert.Equal("PT", envelope["data"]!["person"]!["geolocation"]!["country"]!.GetValue<string>());
    }

    [Fact]
    public async Task Changing_the_email_to_one_that_exists_answers_409()
    {
        await CreateAsync(NewProfile("ana@example.com"));
        var other = await CreateAsync(NewProfile("joao@example.com"));
        var (status, _) = await SendAsync(HttpMethod.Patch, $"{Profile}/{other}", new JsonObject { ["email"] = "ANA@example.com" });
        Assert.Equal(409, status);
    }

    [Fact]
    public async Task Delete_removes_the_profile_and_frees_its_email()
    {
        var peopleId = await CreateAsync(NewProfile("ana@example.com"));

        var (status, _) = await SendAsync(HttpMethod.Delete, $"{Profile}/{peopleId}");

        Assert.Equal(200, status);
        Assert.Equal(404, (await GetAsync($"{Profile}/{peopleId}")).Status);
        Assert.Equal(404, (await SendAsync(HttpMethod.Delete, $"{Profile}/{peopleId}")).Status);
        await CreateAsync(NewProfile("ana@example.com"));
    }

    [Fact]
    public async Task Writes_to_a_missing_profile_are_people_not_found()
    {
        Assert.Equal(404, (await SendAsync(HttpMethod.Put, $"{Profile}/x@example.com", NewProfile("x@example.com"))).Status);
        Assert.Equal(404, (await SendAsync(HttpMethod.Patch, $"{Profile}/x@example.com", new JsonObject())).Status);
    }
}
