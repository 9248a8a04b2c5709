using Microsoft.Extensions.Logging;
using RichContact.Engine.Activity;
using RichContact.Engine.Settings;

namespace RichContact.Engine.Contacts;

/// <summary>
/// Notices a real email reaching a conversation whose contact Rich Contact created with a placeholder
/// (minutes or days later: the activity log holds the people id) and schedules its
/// mend (<see cref="MendPlaceholderRun"/>). Costs no Crisp call: conversations without such a contact, or
/// whose website turned the setting off, stop at a settings and activity lookup.
/// </summary>
internal sealed class PlaceholderMends(
    WebsiteSettingsStore settingsStore,
    ActivityLog activity,
    IMendSchedule schedule,
    ILogger<PlaceholderMends> logger)
{
    public async Task EmailArrivedAsync(ConversationKey conversation, CancellationToken ct)
    {
        try
        {
            var settings = await settingsStore.GetAsync(conversation.WebsiteId, ct);
            if (!settings.Enabled || !settings.MendPlaceholders)
                return;
            if (await activity.UnmendedPlaceholderAsync(conversation.WebsiteId, conversation.SessionId, ct) is null)
                return;
            schedule.Enqueue(conversation);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The email stays in the conversation's meta; the conversation's next email event tries again.
            logger.LogWarning("Could not check conversation {SessionId} of website {WebsiteId} for a placeholder to mend ({ErrorType})",
                conversation.SessionId, conversation.WebsiteId, error.GetType().Name);
        }
    }
}
