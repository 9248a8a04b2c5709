using RichContact.Sandbox;
using RichContact.Sandbox.Traffic;

namespace RichContact.Bench;

/// <summary>
/// The conversations of a run, a pure function of the seed.
/// <para>Realistic: the sandbox's own <see cref="TrafficScript"/> (new customers on many channels,
/// returning customers, the same person on a second channel in another phone format, visitors who
/// gave an email, chat and email conversations to ignore; meta events before, interleaved with and
/// after the first message, spaced up to 150 ms), plus a follow-up message during the window for a
/// quarter of the channel conversations, and <see cref="WorkspaceMix"/>'s excluded and national numbers.</para>
/// <para>All-new: every conversation a new person on WhatsApp with a phone, meta before the message:
/// the costliest case for the engine (every one a search and a create).</para>
/// </summary>
public sealed class ConversationMix(ConversationMixKind kind, int seed, IReadOnlyList<string> websiteIds, string? metaOrder = null)
{
    private const double FollowUpShare = 0.25;

    private readonly Random _random = new(seed);
    private readonly TrafficScript _traffic = new(seed, websiteIds);
    private readonly HashSet<string> _phones = [];
    private readonly WorkspaceMix _workspace = new(seed);

    public PlannedConversation Next()
    {
        var request = kind == ConversationMixKind.Realistic ? _workspace.Apply(_traffic.Next()) : NewWhatsAppCustomer();
        if (metaOrder is not null)
            request.MetaOrder = metaOrder;
        var expectsOutcome = request.Origin is not ("chat" or "email");
        return new PlannedConversation(request, expectsOutcome, expectsOutcome && _random.NextDouble() < FollowUpShare);
    }

    private StartConversationRequest NewWhatsAppCustomer() => new()
    {
        WebsiteId = websiteIds[_random.Next(websiteIds.Count)],
        Origin = "whatsapp",
        Phone = UniquePhone(),
        Nickname = "Customer " + _random.Next(1000, 9999),
        Message = "Hello",
        MetaOrder = MetaOrders.Before,
        MetaSpacingMs = 0,
    };

    /// <summary>A Portuguese mobile number (valid for libphonenumber) not used before in this run.</summary>
    private string UniquePhone()
    {
        for (var attempt = 0; ; attempt++)
        {
            if (attempt == 1000)
                throw new InvalidOperationException("ran out of unused phone numbers");
            var phone = "+35191" + _random.Next(0, 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
            if (_phones.Add(phone))
                return phone;
        }
    }
}
