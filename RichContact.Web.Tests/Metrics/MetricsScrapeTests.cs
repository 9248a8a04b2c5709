using System.Net;
using RichContact.Engine.Activity;
using RichContact.Engine.Crisp;
using RichContact.Engine.Crisp.Rest;
using RichContact.Sandbox;
using RichContact.Testing;
using RichContact.Web.Tests.Browser;
using RichContact.Web.Tests.Security;
using RichContact.Web.Tests.Support;

namespace RichContact.Web.Tests.Metrics;

/// <summary>What Prometheus reads at <c>/metrics</c>, from the real app with its sandbox, once metrics are on.</summary>
public sealed class MetricsScrapeTests : AppOverHttp
{
    protected override void Configure(RichContactApp app) => app.Settings["RichContact:Metrics:Enabled"] = "true";

    private async Task<string> ScrapeAsync()
    {
        var response = await Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Scrapes until <paramref name="ready"/> holds: the exporter serves a scrape again for a few hundred milliseconds.</summary>
    private async Task<(string Text, IReadOnlyList<PrometheusSample> Samples)> ScrapeUntilAsync(Func<IReadOnlyList<PrometheusSample>, bool> ready, string what)
    {
        var text = "";
        IReadOnlyList<PrometheusSample> samples = [];
        await Eventually.TrueAsync(async () => ready(samples = PrometheusText.Parse(text = await ScrapeAsync())), what);
        return (text, samples);
    }

    private async Task<IReadOnlyList<ActivityEntry>> ConversationsAsync(params StartConversationRequest[] conversations)
    {
        // A conversation started before the engine listens would be caught up only at its next start.
        await Eventually.TrueAsync(() => App.Get<CrispConnectionStatus>().State == CrispConnectionState.Connected, "the RTM connection");
        using var waiter = new ActivityRecorder(App.Get<ActivityStream>());
        var sessions = new List<string>();
        foreach (var conversation in conversations)
            sessions.Add(await App.Sandbox.Control.StartConversationAsync(conversation));
        return await Task.WhenAll(sessions.Select(s => waiter.OutcomeAsync(s)));
    }

    [Fact]
    public async Task After_a_conversation_gets_its_contact_metrics_show_its_outcome_latency_crisp_routes_budget_and_rtm_connection()
    {
        var shop = App.Sandbox.Options.Websites[0].Id;
        var created = Assert.Single(await ConversationsAsync(
            new StartConversationRequest { WebsiteId = shop, Origin = "whatsapp", Phone = "+351 912 345 678", Nickname = "Maria Souza" }));
        Assert.Equal(ActivityOutcome.Created, created.Outcome);

        var (_, samples) = await ScrapeUntilAsync(s => s.Samples("richcontact_outcomes_total").Count > 0, "the outcome in /metrics");

        var outcome = Assert.Single(samples.Samples("richcontact_outcomes_total"));
        Assert.Equal(("whatsapp", "created", "none", shop, 1.0),
            (outcome.Labels["channel"], outcome.Labels["outcome"], outcome.Labels["reason"], outcome.Labels["website_id"], outcome.Value));
        var latency = Assert.Single(samples.Samples("richcontact_contact_latency_seconds_count", ("channel", "whatsapp"), ("outcome", "created")));
        Assert.Equal(1, latency.Value);
        Assert.Equal(created.ElapsedMs!.Value / 1000.0, Assert.Single(samples.Samples("richcontact_contact_latency_seconds_sum")).Value, 3);
        Assert.Equal(1, Assert.Single(samples.Samples("richcontact_contact_latency_seconds_bucket", ("le", "10"))).Value);

        var search = Assert.Single(samples.Samples("richcontact_crisp_requests_total", ("route", "website/{website_id}/people/profiles/{page}"), ("method", "GET")));
        var create = Assert.Single(samples.Samples("richcontact_crisp_requests_total", ("route", "website/{website_id}/people/profile"), ("method", "POST")));
        Assert.Equal((1.0, "200", 1.0, "200"), (search.Value, search.Labels["status"], create.Value, create.Labels["status"]));
        Assert.Single(samples.Samples("richcontact_crisp_requests_total", ("route", "plugin/connect/endpoints")));

        var budget = App.Get<CrispRequestBudget>();
        Assert.Equal(budget.Limit - budget.Used, Assert.Single(samples.Samples("richcontact_crisp_budget_remaining")).Value);
        Assert.Equal(1, Assert.Single(samples.Samples("richcontact_rtm_connected", ("source", "rtm"))).Value);
        Assert.Equal(0, Assert.Single(samples.Samples("richcontact_conversations_held")).Value);
        Assert.Equal(["queued", "window"], samples.Samples("richcontact_conversations_waiting").Select(s => s.Labels["stage"]).Order());
    }

    [Fact]
    public async Task Metrics_never_carry_a_phone_name_email_session_or_contact_of_the_conversations()
    {
        var websites = App.Sandbox.Options.Websites;
        var conversations = new StartConversationRequest[]
        {
            new() { WebsiteId = websites[0].Id, Origin = "whatsapp", Phone = "+55 (11) 98765-4321", Nickname = "Ana Beatriz Souza" },
            new() { WebsiteId = websites[1].Id, Origin = "instagram", Phone = "+351 912 345 678", Nickname = "Joaquim Ferreira", Email = "joaquim.ferreira@mail.example" },
            new() { WebsiteId = websites[2].Id, Origin = "urn:aircall.io:aircall:1", Phone = "06 12 34 56 78", Nickname = "Élodie Marchand", Country = "FR" },
            new() { WebsiteId = websites[0].Id, Origin = "telegram", Email = "sem.telefone@mail.example" },
        };
        var entries = await ConversationsAsync(conversations);

        var (text, _) = await ScrapeUntilAsync(s => s.Samples("richcontact_outcomes_total").Sum(o => o.Value) >= conversations.Length,
            "every conversation's outcome in /metrics");

        var given = conversations.SelectMany(c => new[] { c.Phone, c.Nickname, c.Email }).OfType<string>().ToList();
        var personal = given
            .Concat(given.SelectMany(value => value.Split([' ', '@', '.', '(', ')', '-', '+'], StringSplitOptions.RemoveEmptyEntries))
                .Where(part => part.Length >= 4 && !part.All(char.IsAsciiLetterLower))) // digits and names; "mail" is in "email"
            .Concat(conversations.Select(c => new string(c.Phone?.Where(char.IsAsciiDigit).ToArray())).Where(d => d.Length > 0))
            .Concat(entries.Select(e => e.SessionId))
            .Concat(entries.Select(e => e.PeopleId).OfType<string>());
        Assert.All(personal.Distinct(), value => Assert.DoesNotContain(value, text));
    }
}
