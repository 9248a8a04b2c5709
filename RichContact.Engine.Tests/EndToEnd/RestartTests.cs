using RichContact.Engine.Activity;

namespace RichContact.Engine.Tests.EndToEnd;

/// <summary>The engine stops while contact jobs wait in Hangfire, then starts again on the same data.</summary>
public class RestartTests : EngineEndToEndTest
{
    // Long enough for the engine to be stopped before any job is due.
    protected override double CollectionWindowSeconds => 4;

    [Fact]
    public async Task Restart_while_jobs_wait_gives_each_conversation_its_contact_exactly_once()
    {
        // The conversations carry no country, which a website that enriches contacts with it waits
        // for: their windows run their full length.
        await SaveSettingsAsync(s => s with { EnrichGeolocation = true });
        var sessions = new List<string>();
        for (var i = 1; i <= 3; i++)
            sessions.Add(await StartConversationAsync("whatsapp", phone: $"+35191234560{i}", nickname: $"Person {i}"));
        foreach (var session in sessions)
            await WaitUntilTrackedAsync(session);
        Assert.Empty(Activity.All);

        await StopEngineAsync();
        await StartEngineAsync();

        // What the window gathered in memory is gone: the jobs read the conversation meta instead.
        var outcomes = await Task.WhenAll(sessions.Select(s => Activity.OutcomeAsync(s)));
        Assert.All(outcomes, o => Assert.Equal(ActivityOutcome.Created, o.Outcome));
        var profiles = await ProfilesAsync();
        Assert.Equal(["351912345601@whatsapp.nomail", "351912345602@whatsapp.nomail", "351912345603@whatsapp.nomail"],
            profiles.Select(Email).Order());
        Assert.Equal(["Person 1", "Person 2", "Person 3"], profiles.Select(Nickname).Order());
    }

    [Fact]
    public async Task Two_jobs_of_one_conversation_running_at_once_record_one_outcome_and_one_contact()
    {
        var session = await StartConversationAsync("whatsapp", phone: "+351912345678", nickname: "Ana");
        await WaitUntilTrackedAsync(session);

        // As after a restart: the previous process's job and the one the catch-up scheduled, both due now.
        var job = Engine.Get<RichContact.Engine.Contacts.CreateContactJob>();
        await Task.WhenAll(job.RunAsync(WebsiteId, session, null, CancellationToken.None), job.RunAsync(WebsiteId, session, null, CancellationToken.None));

        Assert.Equal(ActivityOutcome.Created, Assert.Single(Activity.For(session)).Outcome);
        Assert.Single(await ProfilesAsync());
    }

    [Fact]
    public async Task Job_that_runs_again_after_its_outcome_does_nothing()
    {
        var session = await StartConversationAsync("whatsapp", phone: "+351912345678");
        await Activity.OutcomeAsync(session);
        await Sandbox.Control.ResetRequestsAsync();

        // As Hangfire would on a retry after a crash between the create and the job's acknowledgement.
        await Engine.Get<RichContact.Engine.Contacts.CreateContactJob>().RunAsync(WebsiteId, session, null, CancellationToken.None);

        Assert.Single(Activity.For(session));
        Assert.Equal(0, (await Sandbox.Control.RequestsAsync()).Total);
        Assert.Single(await ProfilesAsync());
    }
}
