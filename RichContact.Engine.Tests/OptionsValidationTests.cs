using Microsoft.Extensions.Options;
using RichContact.Engine.Activity;
using RichContact.Engine.Backfill;
using RichContact.Engine.Contacts;
using RichContact.Engine.Crisp;
using RichContact.Engine.Crisp.Hooks;
using RichContact.Engine.Crisp.Rtm;
using RichContact.Testing;

namespace RichContact.Engine.Tests;

public class OptionsValidationTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Theory]
    [InlineData("RichContact:Crisp:Identifier", "abc", "RichContact:Crisp:Key is required")]
    [InlineData("RichContact:Crisp:Key", "secret", "RichContact:Crisp:Identifier is required")]
    [InlineData("RichContact:Crisp:ApiUrl", "not a url", "RichContact:Crisp:ApiUrl must be an absolute http(s) URL")]
    [InlineData("RichContact:CollectionWindowSeconds", "-1", "RichContact:CollectionWindowSeconds must be between 0 and 60")]
    [InlineData("RichContact:Crisp:DailyRequestBudget", "0", "RichContact:Crisp:DailyRequestBudget must be at least 1")]
    [InlineData("RichContact:CatchUp:MaxGapMinutes", "0", "RichContact:CatchUp:MaxGapMinutes must be more than 0")]
    [InlineData("RichContact:CatchUp:WebsitesPerGapSecond", "-1", "RichContact:CatchUp:WebsitesPerGapSecond must be 0 (every website) or more")]
    [InlineData("RichContact:CatchUp:BudgetPercent", "0", "RichContact:CatchUp:BudgetPercent must be more than 0 and at most 100")]
    [InlineData("RichContact:CatchUp:BudgetPercent", "101", "RichContact:CatchUp:BudgetPercent must be more than 0 and at most 100")]
    [InlineData("RichContact:ActivityRetentionDays", "0", "RichContact:ActivityRetentionDays must be between 1 and 3650")]
    [InlineData("RichContact:ActivityRetentionDays", "3651", "RichContact:ActivityRetentionDays must be between 1 and 3650")]
    [InlineData("RichContact:Crisp:UnauthorizedRetryMinutes", "0", "RichContact:Crisp:UnauthorizedRetryMinutes must be between 0.01 and 1440")]
    [InlineData("RichContact:Crisp:Events", "hooks", "RichContact:Crisp:HookSecret is required when RichContact:Crisp:Events is hooks")]
    [InlineData("RichContact:Rtm:WatchdogSeconds", "0", "RichContact:Rtm:WatchdogSeconds must be between 0.1 and 3600")]
    [InlineData("RichContact:Rtm:MaxReconnectDelaySeconds", "0.5", "RichContact:Rtm:MaxReconnectDelaySeconds must be between 1 and 3600")]
    [InlineData("RichContact:Rtm:EventQueueCapacity", "0", "RichContact:Rtm:EventQueueCapacity must be between 1 and 1000000")]
    [InlineData("RichContact:CatchUp:RetryDelayMinutes", "NaN", "RichContact:CatchUp:RetryDelayMinutes must be between 0.01 and 1440")]
    [InlineData("RichContact:Hooks:MarkIntervalSeconds", "0", "RichContact:Hooks:MarkIntervalSeconds must be between 0.1 and 3600")]
    [InlineData("RichContact:DataDirectory", " ", "RichContact:DataDirectory must name a directory")]
    [InlineData("RichContact:ContactJobs:FallbackSeconds", "-1", "RichContact:ContactJobs:FallbackSeconds must be between 0 and 600")]
    [InlineData("RichContact:ContactJobs:WindowEndConcurrency", "0", "RichContact:ContactJobs:WindowEndConcurrency must be between 1 and 1024")]
    [InlineData("RichContact:ContactJobs:MaxHoldRetrySeconds", "0.5", "RichContact:ContactJobs:MaxHoldRetrySeconds must be between 1 and 3600")]
    [InlineData("RichContact:Hangfire:SchedulePollingIntervalMilliseconds", "0", "RichContact:Hangfire:SchedulePollingIntervalMilliseconds must be between 10 and 60000")]
    [InlineData("RichContact:Hangfire:InvisibilityTimeoutMinutes", "5", "RichContact:Hangfire:InvisibilityTimeoutMinutes must be between 10 and 1440")]
    [InlineData("RichContact:ActivityRetention:IntervalHours", "0", "RichContact:ActivityRetention:IntervalHours must be between 0.01 and 168")]
    [InlineData("RichContact:ActivityRetention:BatchSize", "0", "RichContact:ActivityRetention:BatchSize must be between 1 and 100000")]
    [InlineData("RichContact:Backfill:BudgetReservePercent", "91", "RichContact:Backfill:BudgetReservePercent must be between 0 and 90")]
    [InlineData("RichContact:Backfill:BatchSeconds", "301", "RichContact:Backfill:BatchSeconds must be between 0.1 and 300")]
    [InlineData("RichContact:Backfill:BatchConversations", "0", "RichContact:Backfill:BatchConversations must be between 1 and 10000")]
    public async Task Invalid_configuration_stops_start_up_with_a_message_naming_the_key(string key, string value, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            EngineHost.StartAsync(_data.Path, new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("RichContact:Crisp:CatchUpMaxGapMinutes", "RichContact:CatchUp:MaxGapMinutes")]
    [InlineData("RichContact:Crisp:CatchUpWebsitesPerGapSecond", "RichContact:CatchUp:WebsitesPerGapSecond")]
    [InlineData("RichContact:Crisp:CatchUpBudgetPercent", "RichContact:CatchUp:BudgetPercent")]
    [InlineData("RichContact:Rtm:CatchUpMarginSeconds", "RichContact:CatchUp:MarginSeconds")]
    [InlineData("RichContact:Rtm:CatchUpRetryDelayMinutes", "RichContact:CatchUp:RetryDelayMinutes")]
    [InlineData("RichContact:Rtm:MaxCatchUpRetryDelayMinutes", "RichContact:CatchUp:MaxRetryDelayMinutes")]
    [InlineData("RichContact:Rtm:HookMarkIntervalSeconds", "RichContact:Hooks:MarkIntervalSeconds")]
    public async Task A_moved_key_still_set_stops_start_up_with_a_message_naming_its_new_key(string oldKey, string newKey)
    {
        // A valid value: the old key is refused for having moved, not for what it holds.
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            EngineHost.StartAsync(_data.Path, new Dictionary<string, string?> { [oldKey] = "5" }));

        Assert.Contains($"{oldKey} has moved: set {newKey} instead", error.Message);
    }

    [Fact]
    public async Task Defaults_need_no_configuration_and_mean_sandbox_mode()
    {
        await using var engine = await EngineHost.StartAsync(_data.Path);

        var crisp = engine.Get<IOptions<CrispOptions>>().Value;
        Assert.Equal("https://api.crisp.chat/v1/", crisp.ApiUrl);
        Assert.Equal(2, engine.Get<IOptions<CollectionWindowOptions>>().Value.CollectionWindowSeconds);
        Assert.Equal(5000, crisp.DailyRequestBudget);
        Assert.Equal(180, engine.Get<IOptions<ActivityRetentionOptions>>().Value.ActivityRetentionDays);
        Assert.False(crisp.HasCredentials);

        // The timings bound from their sections keep the values they had as constants.
        var rtm = engine.Get<IOptions<RtmTimings>>().Value;
        Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(65), TimeSpan.FromSeconds(2.5), 10_000),
            (rtm.ReconnectDelay, rtm.MaxReconnectDelay, rtm.Watchdog, rtm.MinBindInterval, rtm.EventQueueCapacity));
        var catchUp = engine.Get<IOptions<CatchUpOptions>>().Value;
        Assert.Equal((TimeSpan.FromMinutes(60), 10, 10d, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(30)),
            (catchUp.MaxGap, catchUp.WebsitesPerGapSecond, catchUp.BudgetPercent, catchUp.Margin, catchUp.RetryDelay, catchUp.MaxRetryDelay));
        Assert.Equal(TimeSpan.FromSeconds(15), engine.Get<IOptions<HookTimings>>().Value.MarkInterval);
        var contactJobs = engine.Get<IOptions<ContactJobOptions>>().Value;
        Assert.Equal((TimeSpan.FromSeconds(5), 10_000, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 32, 10_000),
            (contactJobs.Fallback, contactJobs.HeldCapacity, contactJobs.HoldRetry, contactJobs.MaxHoldRetry, contactJobs.WindowEndConcurrency, contactJobs.WindowEndCapacity));
        var hangfire = engine.Get<IOptions<HangfireTimings>>().Value;
        Assert.Equal((TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(10)),
            (hangfire.SchedulePollingInterval, hangfire.QueuePollInterval, hangfire.InvisibilityTimeout));
        var retention = engine.Get<IOptions<ActivityRetentionTimings>>().Value;
        Assert.Equal((TimeSpan.FromHours(6), 1_000), (retention.Interval, retention.BatchSize));
        var backfill = engine.Get<IOptions<BackfillOptions>>().Value;
        Assert.Equal((TimeSpan.FromSeconds(15), 100, TimeSpan.FromMinutes(1), 3, TimeSpan.FromMinutes(1)),
            (backfill.BatchDuration, backfill.BatchConversations, backfill.RetryDelay, backfill.FailuresBeforeBackOff, backfill.WakeUpAfterMidnight));
    }
}
