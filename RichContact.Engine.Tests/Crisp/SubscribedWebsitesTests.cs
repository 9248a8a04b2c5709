using RichContact.Engine.Crisp;
using RichContact.Engine.Tests.Support;

namespace RichContact.Engine.Tests.Crisp;

public class SubscribedWebsitesTests
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
    private readonly List<SubscribedWebsite> _crispLists = [new("website-1", "token-1")];
    private int _reloads;
    private readonly SubscribedWebsites _websites;

    public SubscribedWebsitesTests()
    {
        _websites = new SubscribedWebsites(_clock)
        {
            Loader = _ => { _reloads++; return Task.FromResult<IReadOnlyList<SubscribedWebsite>>(_crispLists.ToList()); },
        };
        _websites.ReplaceAll(_crispLists);
    }

    [Fact]
    public async Task Token_of_a_known_website_is_accepted_without_asking_crisp()
    {
        Assert.True(await _websites.IsValidTokenAsync("website-1", "token-1"));
        Assert.Equal(0, _reloads);
    }

    [Theory]
    [InlineData("website-1", "forged")]
    [InlineData("website-1", "")]
    [InlineData("website-1", null)]
    [InlineData("", "token-1")]
    public async Task Wrong_or_missing_token_of_a_known_website_is_refused_and_costs_no_reload(string? websiteId, string? token)
    {
        Assert.False(await _websites.IsValidTokenAsync(websiteId, token));
        Assert.Equal(0, _reloads);
    }

    [Fact]
    public async Task Token_of_another_website_is_refused()
    {
        _websites.Upsert(new SubscribedWebsite("website-2", "token-2"));

        Assert.False(await _websites.IsValidTokenAsync("website-1", "token-2"));
    }

    [Fact]
    public async Task Website_that_just_installed_the_plugin_is_found_by_one_reload()
    {
        _crispLists.Add(new("website-new", "token-new"));

        Assert.True(await _websites.IsValidTokenAsync("website-new", "token-new"));
        Assert.Equal(1, _reloads);
    }

    [Fact]
    public async Task Made_up_website_ids_reload_at_most_once_a_minute()
    {
        for (var i = 0; i < 50; i++)
            Assert.False(await _websites.IsValidTokenAsync($"made-up-{i}", "token"));
        Assert.Equal(1, _reloads);

        _clock.Advance(SubscribedWebsites.MissReloadInterval);
        Assert.False(await _websites.IsValidTokenAsync("made-up-again", "token"));
        Assert.Equal(2, _reloads);
    }
}
