using System.Text.Json.Nodes;

namespace RichContact.Sandbox.Tests.Search;

public sealed class PeopleSearchTests : SandboxTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // Contacts made by hand, phones in human formats, as found in real workspaces.
        await Seed("maria@example.com", "+55 (11) 98765-4321", "Maria Souza", "vip");
        await Seed("jose@example.com", "0034 612 34 56 78", "José García", "lead");
        await Seed("ana@example.com", "+351912345678", "Ana Silva", "lead", "whatsapp");
    }

    private Task Seed(string email, string phone, string nickname, params string[] segments) =>
        Sandbox.Control.SeedProfileAsync(WebsiteId, new JsonObject
        {
            ["email"] = email,
            ["person"] = new JsonObject { ["nickname"] = nickname, ["phone"] = phone },
            ["segments"] = new JsonArray(segments.Select(s => (JsonNode)s).ToArray()),
        });

    private static string Filter(string criterion, string op, params string[] query) =>
        new JsonArray(new JsonObject
        {
            ["model"] = "people",
            ["criterion"] = criterion,
            ["operator"] = op,
            ["query"] = new JsonArray(query.Select(q => (JsonNode)q).ToArray()),
        }).ToJsonString();

    private async Task<List<string>> SearchAsync(string query, int page = 1)
    {
        var (status, envelope) = await GetAsync($"website/{WebsiteId}/people/profiles/{page}?{query}");
        Assert.Equal(200, status);
        return envelope["data"]!.AsArray().Select(p => p!["email"]!.GetValue<string>()).ToList();
    }

    private Task<List<string>> SearchFilterAsync(string filter, string? op = null) =>
        SearchAsync("search_filter=" + Uri.EscapeDataString(filter) + (op is null ? "" : "&search_operator=" + op));

    [Fact]
    public async Task Phone_eq_matches_the_stored_string_exactly()
    {
        Assert.Equal(["maria@example.com"], await SearchFilterAsync(Filter("person.phone", "eq", "+55 (11) 98765-4321")));
    }

    [Fact]
    public async Task Phone_eq_does_not_normalise_formats()
    {
        Assert.Empty(await SearchFilterAsync(Filter("person.phone", "eq", "+5511987654321")));
        Assert.Empty(await SearchFilterAsync(Filter("person.phone", "eq", "+34612345678")));
    }

    [Fact]
    public async Task Phone_eq_matches_any_of_several_query_values()
    {
        var found = await SearchFilterAsync(Filter("person.phone", "eq", "+34612345678", "0034 612 34 56 78", "+351912345678"));
        Assert.Equal(["jose@example.com", "ana@example.com"], found);
    }

    [Fact]
    public async Task Phone_has_matches_a_substring()
    {
        Assert.Equal(["maria@example.com"], await SearchFilterAsync(Filter("person.phone", "has", "98765-4321")));
    }

    [Fact]
    public async Task Email_eq_is_case_insensitive()
    {
        Assert.Equal(["jose@example.com"], await SearchFilterAsync(Filter("email", "eq", "JOSE@example.com")));
    }

    [Fact]
    public async Task Email_has_matches_a_substring()
    {
        Assert.Equal(3, (await SearchFilterAsync(Filter("email", "has", "@example.com"))).Count);
    }

    [Fact]
    public async Task Nickname_and_segments_can_be_searched()
    {
        Assert.Equal(["ana@example.com"], await SearchFilterAsync(Filter("person.nickname", "eq", "Ana Silva")));
        Assert.Equal(["maria@example.com"], await SearchFilterAsync(Filter("person.nickname", "has", "souza")));
        Assert.Equal(["jose@example.com", "ana@example.com"], await SearchFilterAsync(Filter("segments", "eq", "lead")));
        Assert.Equal(["ana@example.com"], await SearchFilterAsync(Filter("segments", "has", "whats")));
    }

    [Fact]
    public async Task Filters_combine_with_and_by_default_and_with_or_when_asked()
    {
        var both = "[" + Filter("segments", "eq", "lead").Trim('[', ']') + "," + Filter("person.nickname", "has", "Ana").Trim('[', ']') + "]";
        Assert.Equal(["ana@example.com"], await SearchFilterAsync(both));
        Assert.Equal(["jose@example.com", "ana@example.com"], await SearchFilterAsync(both, "or"));
    }

    [Fact]
    public async Task Search_text_matches_email_name_or_phone()
    {
        Assert.Equal(["jose@example.com"], await SearchAsync("search_text=" + Uri.EscapeDataString("García")));
        Assert.Equal(["maria@example.com"], await SearchAsync("search_text=98765"));
    }

    [Fact]
    public async Task Pages_follow_per_page_and_end_with_an_empty_array()
    {
        Assert.Equal(["maria@example.com", "jose@example.com"], await SearchAsync("per_page=2", page: 1));
        Assert.Equal(["ana@example.com"], await SearchAsync("per_page=2", page: 2));
        Assert.Empty(await SearchAsync("per_page=2", page: 3));
    }

    [Fact]
    public async Task A_filter_that_is_not_a_json_array_is_invalid_data()
    {
        AssertCrispError(await GetAsync($"website/{WebsiteId}/people/profiles/1?search_filter=%7Bnope"), 400, "invalid_data");
    }

    [Fact]
    public async Task Seeded_profiles_are_listed_by_the_control_api_in_the_people_shape()
    {
        var profiles = await Sandbox.Control.ProfilesAsync(WebsiteId);
        Assert.Equal(3, profiles.Count);
        Assert.Equal("0034 612 34 56 78", profiles[1]["person"]!["phone"]!.GetValue<string>());
        Assert.All(profiles, p => Assert.False(string.IsNullOrEmpty(p["people_id"]!.GetValue<string>())));
    }
}
