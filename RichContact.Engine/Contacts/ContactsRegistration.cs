using Microsoft.Extensions.DependencyInjection;

namespace RichContact.Engine.Contacts;

/// <summary>Registers the pipeline from a new conversation to its contact.</summary>
internal static class ContactsRegistration
{
    public static IServiceCollection AddContacts(this IServiceCollection services)
    {
        services.AddSingleton<VisitorDetailsStore>();
        services.AddSingleton<ContactJobScheduler>();
        services.AddSingleton<ConversationTracker>();
        services.AddSingleton<WindowEndRuns>();
        services.AddHostedService(sp => sp.GetRequiredService<WindowEndRuns>());
        services.AddSingleton<KeyedLocks>();
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
