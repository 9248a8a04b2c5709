using RichContact.Sandbox;

namespace RichContact.Bench;

/// <summary>
/// What the realistic mix adds for the per-website settings a real workspace uses: staff or test
/// numbers under an excluded prefix, and Portuguese numbers written nationally by a conversation
/// that carries no country (read only with a default country). Phone-less conversations (Instagram and
/// Messenger customers with a name, some with an email, each with their id on the channel, some coming
/// back) are already in the sandbox's traffic script.
/// </summary>
public sealed class WorkspaceMix(int seed)
{
    /// <summary>The prefix the bench's websites exclude when <see cref="BenchOptions.Exclusions"/> is on.</summary>
    public const string ExcludedPrefix = "+351 91 999";

    public const double ExcludedShare = 0.05;
    public const double NationalShare = 0.05;

    private readonly Random _random = new(seed ^ 0x5EED);
    private int _next;

    /// <summary>Replaces a new conversation's request with an excluded or a national one, in the shares above.</summary>
    public StartConversationRequest Apply(StartConversationRequest request)
    {
        if (request.Origin is "chat" or "email")
            return request;
        var roll = _random.NextDouble();
        var serial = Interlocked.Increment(ref _next);
        if (roll < ExcludedShare)
            return Phoned(request, "whatsapp", $"+35191999{serial % 10_000:D4}", country: "PT");
        if (roll < ExcludedShare + NationalShare)
            return Phoned(request, "telegram", $"930 {serial / 1000 % 1000:D3} {serial % 1000:D3}", country: null);
        return request;
    }

    private static StartConversationRequest Phoned(StartConversationRequest request, string origin, string phone, string? country) => new()
    {
        WebsiteId = request.WebsiteId, Origin = origin, Phone = phone, Nickname = request.Nickname, Message = request.Message,
        Country = country, MetaOrder = request.MetaOrder, MetaSpacingMs = request.MetaSpacingMs,
    };
}
