using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RichContact.Engine.Crisp.Events;
using RichContact.Engine.Crisp.Rtm;
using RichContact.Engine.Nodes;

namespace RichContact.Engine.Contacts;

/// <summary>
/// Registers the journey from a Crisp event to a contact and its activity entry (docs/architecture.md).
/// Its folders, in reading order: Events (the events and the catch-up of what was missed), Window (the
/// collection window), Scheduling (when the job runs), Job (the decision and its outcome), Dedup (finding
/// the person in the CRM), Mends (a real email that comes after a placeholder). One namespace: the
/// folders are for reading; a stage uses only the stages after it (Architecture/FolderRulesTests), and
/// asks its schedule for later runs through an interface of its own that Scheduling implements.
/// </summary>
internal static class ContactsRegistration
{
    public static IServiceCollection AddContacts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<CollectionWindowOptions, CollectionWindowOptionsValidator>(configuration, CollectionWindowOptions.Section);
        services.AddValidatedOptions<CatchUpOptions, CatchUpOptionsValidator>(configuration, CatchUpOptions.Section);
        services.AddHostedService<CrispEventDispatcher>();
        services.AddSingleton<CatchUpStatus>();
        services.AddSingleton<WebsiteTraffic>();
        services.AddSingleton<CatchUpPlanner>();
        services.AddSingleton<OutageCatchUp>();
        services.AddHostedService(sp => sp.GetRequiredService<OutageCatchUp>());
        // What the last-event mark must not pass (LastEventMark).
        services.AddSingleton(sp => new LastEventMarkHold("held conversations", () => sp.GetRequiredService<ContactJobScheduler>().EarliestHeldAt));
        services.AddSingleton(sp => new LastEventMarkHold("RTM events not handled yet", () => sp.GetRequiredService<CrispEventQueue>().OldestUnhandledAt));
        services.AddSingleton(sp => new LastEventMarkHold("unfinished catch-up", () => sp.GetRequiredService<OutageCatchUp>().HoldsMarkAt)
        {
            Kept = () => sp.GetRequiredService<OutageCatchUp>().KeptGaps,
            HeldAtBesidesKept = () => sp.GetRequiredService<OutageCatchUp>().HoldsMarkAtBesidesKept,
        });
        services.AddOneHome<ILastEventMark, LastEventMark, SharedLastEventMark>();
        services.AddSingleton<IListeningGaps, ListeningGapsCatchUp>();

        services.AddSingleton<VisitorDetailsStore>();
        services.AddSingleton<HeardConversations>();
        services.AddSingleton<ContactJobScheduler>();
        services.AddSingleton<IContactRunSchedule>(sp => sp.GetRequiredService<ContactJobScheduler>());
        services.AddSingleton<IMendSchedule, MendJobs>();
        services.AddSingleton<ConversationTracker>();
        services.AddSingleton<WindowEndRuns>();
        services.AddHostedService(sp => sp.GetRequiredService<WindowEndRuns>());
        services.AddSingleton<DedupMode>();
        services.AddSingleton(sp => new RecentContacts(sp.GetRequiredService<Nodes.IRecentContactStore>()));
        services.AddSingleton<IUnrecordedContacts, UnrecordedContacts>();
        services.AddSingleton<NewContactFollowUps>();
        services.AddSingleton<ContactsLimit>();
        services.AddTransient<ExistingProfileSearch>();
        services.AddTransient<CreateContactRun>();
        services.AddTransient<CreateContactJob>();
        services.AddSingleton<PlaceholderMends>();
        services.AddTransient<MendPlaceholderRun>();
        services.AddTransient<MendPlaceholderJob>();
        return services;
    }
}
