using Microsoft.Extensions.DependencyInjection;
using RichContact.Engine.Crisp.Rtm;

namespace RichContact.Engine.Contacts;

/// <summary>Registers the journey from a Crisp event to a contact and its activity entry, with the catch-up of what was missed.</summary>
internal static class ContactsRegistration
{
    public static IServiceCollection AddContacts(this IServiceCollection services)
    {
        services.AddHostedService<RtmEventDispatcher>();
        services.AddSingleton<CatchUpStatus>();
        services.AddSingleton<OutageCatchUp>();
        services.AddHostedService(sp => sp.GetRequiredService<OutageCatchUp>());
        // What the last-event mark must not pass (LastEventMark).
        services.AddSingleton(sp => new LastEventMarkHold("held conversations", () => sp.GetRequiredService<ContactJobScheduler>().EarliestHeldAt));
        services.AddSingleton(sp => new LastEventMarkHold("RTM events not handled yet", () => sp.GetRequiredService<RtmEventQueue>().OldestUnhandledAt));
        services.AddSingleton(sp => new LastEventMarkHold("unfinished catch-up", () => sp.GetRequiredService<OutageCatchUp>().HoldsMarkAt));
        services.AddSingleton<LastEventMark>();
        services.AddSingleton<IListeningGaps, ListeningGapsCatchUp>();

        services.AddSingleton<VisitorDetailsStore>();
        services.AddSingleton<ContactJobScheduler>();
        services.AddSingleton<ConversationTracker>();
        services.AddSingleton<WindowEndRuns>();
        services.AddHostedService(sp => sp.GetRequiredService<WindowEndRuns>());
        services.AddSingleton<KeyedLocks>();
        services.AddSingleton<Nodes.ContactLocks>();
        services.AddSingleton<DedupMode>();
        services.AddSingleton<RecentContacts>();
        services.AddSingleton<UnrecordedContacts>();
        services.AddTransient<ExistingProfileSearch>();
        services.AddTransient<CreateContactJob>();
        services.AddSingleton<PlaceholderMends>();
        services.AddTransient<MendPlaceholderJob>();
        return services;
    }
}
