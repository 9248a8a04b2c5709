using RichContact.Engine.Crisp;
using RichContact.Engine.Crisp.Rest;
using RichContact.Engine.Crisp.Rtm;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Crisp.Rtm;

public class SubscribedWebsitesTests
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
    private readonly CrispConnectionStatus _rtm = new();
    private readonly List<SubscribedWebsite> _crispLists = [new("website-1", "token-1")];
    private int _reloads;
    private readonly SubscribedWebsites _websites;

    public SubscribedWebsitesTests()
    {
        _websites = new SubscribedWebsites(_clock, _rtm)
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
    public async Task Website_that_just_installed_the_plugin_is_found_by_one_reload_while_rtm_is_down()
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

    [Fact]
    public async Task Unknown_website_costs_no_reload_while_rtm_is_connected_and_one_again_once_it_is_not()
    {
        _crispLists.Add(new("website-new", "token-new"));
        _rtm.Set(CrispConnectionState.Connected);

        // Installs arrive as plugin:subscription:updated while connected: a miss is a made-up id.
        for (var i = 0; i < 50; i++)
            Assert.False(await _websites.IsValidTokenAsync("website-new", "token-new"));
        Assert.Equal(0, _reloads);

        _rtm.Set(CrispConnectionState.Reconnecting);
        Assert.True(await _websites.IsValidTokenAsync("website-new", "token-new"));
        Assert.Equal(1, _reloads);
    }

    [Fact]
    public async Task Reloads_asked_while_one_runs_share_a_single_next_load_that_sees_what_changed_meanwhile()
    {
        var loads = 0;
        var firstLoad = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstLoadMayEnd = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var websites = new SubscribedWebsites(_clock, _rtm)
        {
            Loader = async _ =>
            {
                var list = _crispLists.ToList();
                if (Interlocked.Increment(ref loads) == 1)
                {
                    firstLoad.SetResult();
                    await firstLoadMayEnd.Task;
                }
                return list;
            },
        };

        var first = websites.ReloadAsync();
        await firstLoad.Task.WaitAsync(TimeSpan.FromSeconds(10));
        _crispLists.Add(new("website-new", "token-new"));
        var meanwhile = Enumerable.Range(0, 5).Select(_ => websites.ReloadAsync()).ToList();
        firstLoadMayEnd.SetResult();
        await Task.WhenAll(meanwhile.Append(first));

        Assert.Equal(2, loads);
        Assert.True(websites.Contains("website-new"));
    }

    [Fact]
    public async Task Website_known_from_the_last_run_without_its_token_is_checked_by_one_reload_even_while_rtm_is_connected()
    {
        // Started with the quota spent: the list came from crisp-plugin-connect.json, which keeps no tokens.
        _websites.ReplaceAll([new SubscribedWebsite("website-1", SubscribedWebsite.UnknownToken)]);
        _rtm.Set(CrispConnectionState.Connected);

        Assert.False(await _websites.IsValidTokenAsync("website-1", SubscribedWebsite.UnknownToken)); // an empty token is never a match
        Assert.True(await _websites.IsValidTokenAsync("website-1", "token-1"));
        Assert.Equal(1, _reloads);
    }

    [Fact]
    public void Changes_since_a_date_add_installs_with_their_token_and_forget_removals()
    {
        _websites.Apply([new SubscribedWebsiteChange("website-2", "token-2", Removed: false), new SubscribedWebsiteChange("website-1", null, Removed: true)]);

        Assert.Equal(["website-2"], _websites.All.Select(w => w.WebsiteId));
        Assert.Equal("token-2", _websites.All.Single().Token);
    }
}

