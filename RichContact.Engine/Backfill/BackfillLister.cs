using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RichContact.Engine.Channels;
using RichContact.Engine.Crisp.Rest;

namespace RichContact.Engine.Backfill;

/// <summary>
/// Reads a run's next page of the website's conversation list (one Crisp call) into the run's list:
/// messaging-channel conversations are kept, chat box and email ones only counted (Crisp makes their
/// contacts). [guess] <c>filter_date_start/end</c> filter on the creation date (docs/crisp.md), as the
/// outage catch-up reads them; a listed conversation whose <c>created_at</c> falls outside the range is
/// left out, and <see cref="BackfillOptions.MaxPages"/> bounds a list whose filter Crisp would ignore.
/// </summary>
public sealed class BackfillLister(CrispClient crisp, BackfillStore store, IOptions<BackfillOptions> options, ILogger<BackfillLister> logger)
{
    /// <summary>Lists the run's next page; Crisp's errors, the spent budget among them, reach the caller.</summary>
    internal async Task ListNextPageAsync(BackfillRun run, CancellationToken ct)
    {
        ConversationPage page;
        int calls;
        using (RestCallCounter.Begin(out var counter))
        {
            try
            {
                page = await crisp.ListConversationsPageAsync(run.WebsiteId, run.From, run.Until, run.NextPage, ct);
            }
            finally
            {
                calls = counter.Calls;
            }
        }
        var inRange = page.Conversations.Where(c => c.CreatedAt is not { } at || at >= run.From && at < run.Until).ToList();
        var channel = new List<ListedChannelConversation>();
        foreach (var conversation in inRange)
        {
            if (ChannelOrigin.TryGetChannel(conversation.Origin, out var name))
                channel.Add(new ListedChannelConversation(conversation.SessionId, name, conversation.CreatedAt));
            else if (conversation.Origin is null)
                channel.Add(new ListedChannelConversation(conversation.SessionId, null, conversation.CreatedAt)); // the job reads the meta's origin
        }
        var capped = !page.IsLast && run.NextPage >= options.Value.MaxPages;
        if (capped)
            logger.LogWarning("Backfill {RunId} of website {WebsiteId} stops listing after {Pages} pages (RichContact:Backfill:MaxPages): older conversations of the range are left out",
                run.Id, run.WebsiteId, run.NextPage);
        await store.AddListedAsync(run.Id, new ConversationsListed(channel, inRange.Count, inRange.Count - channel.Count, calls, page.IsLast || capped), ct);
    }
}
