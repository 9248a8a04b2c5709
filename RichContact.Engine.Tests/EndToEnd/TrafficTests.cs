using Hangfire;
using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Testing;
using Xunit.Abstractions;

namespace RichContact.Engine.Tests.EndToEnd;

/// <summary>The sandbox's mixed traffic (new and returning customers, second channels, chat, email) through the whole engine.</summary>
public class TrafficTests(ITestOutputHelper output) : EngineEndToEndTest
{
    protected override double CollectionWindowSeconds => 2;

    [Fact]
    public async Task Mixed_traffic_creates_no_duplicate_contact_and_loses_no_conversation()
    {
        await Sandbox.Traffic.StartAsync(ratePerSecond: 20, seed: 7);
        await Until(() => Task.FromResult(Sandbox.Traffic.ConversationsStarted >= 80), "80 conversations");
        await Sandbox.Traffic.StopAsync();

        // Every scheduled contact job has run: nothing scheduled, queued or processing.
        var monitoring = JobStorage.Current.GetMonitoringApi();
        await Until(() => Task.FromResult(monitoring.ScheduledCount() + monitoring.EnqueuedCount("default") + monitoring.ProcessingCount() == 0
            && Activity.All.Count > 0), "the contact jobs to finish");

        // A conversation whose email came after its contact also has a mend entry: one outcome each, besides those.
        var entries = Activity.All.Where(e => e.Outcome != ActivityOutcome.Mend).ToList();
        Assert.DoesNotContain(entries, e => e.Outcome == ActivityOutcome.Failed);
        Assert.Equal(entries.Count, entries.Select(e => e.SessionId).Distinct().Count());
        var created = entries.Where(e => e.Outcome == ActivityOutcome.Created).ToList();
        Assert.NotEmpty(created);
        Assert.Contains(entries, e => e.Outcome == ActivityOutcome.Existing);

        foreach (var website in Sandbox.Options.Websites)
        {
            var profiles = await ProfilesAsync(website.Id);
            var ours = created.Where(e => e.WebsiteId == website.Id).Select(e => e.PeopleId!).Order().ToList();
            Assert.Equal(ours, profiles.Select(p => p["people_id"]!.GetValue<string>()).Order().ToList());
            var samePhone = profiles.Where(p => Phone(p) is not null).GroupBy(p => Phones.CanonicalKey(Phone(p)!)).Where(g => g.Count() > 1);
            Assert.Empty(samePhone);
        }

        var started = Logs.Lines.Where(l => l.Contains("started") && l.Contains("after its first message"))
            .Select(l => int.Parse(System.Text.RegularExpressions.Regex.Match(l, @"started (\d+) ms").Groups[1].Value)).Order().ToList();
        output.WriteLine($"job start after first message: median {started[started.Count / 2]} ms, max {started[^1]}");
        var elapsed = created.Select(e => e.ElapsedMs ?? 0).Order().ToList();
        output.WriteLine($"{Sandbox.Traffic.ConversationsStarted} conversations, {entries.Count} outcomes, {created.Count} created; " +
            $"first message to contact: median {elapsed[elapsed.Count / 2]} ms, max {elapsed[^1]} ms");
    }

    private static Task Until(Func<Task<bool>> condition, string what) => Eventually.TrueAsync(condition, what, TimeSpan.FromSeconds(60));
}
