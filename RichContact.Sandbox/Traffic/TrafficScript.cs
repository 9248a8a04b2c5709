namespace RichContact.Sandbox.Traffic;

/// <summary>
/// The sequence of conversations the traffic generator plays, a pure function of its seed: new customers on
/// many channels, returning customers, the same person on a second channel in another phone format, chat and
/// email conversations (which Rich Contact must ignore), and visitors who already gave an email. A customer on a
/// channel that brings no phone (Instagram, Messenger) has an id of their own there, the same in each conversation.
/// </summary>
public sealed class TrafficScript(int seed, IReadOnlyList<string> websiteIds)
{
    private static readonly string[] FirstNames = ["Ana", "João", "María", "Lucas", "Aisha", "Chen", "Olivia", "Mateo", "Priya", "Kwame", "Sofia", "Liam", "Fatima", "Noah", "Yuki", "Emeka"];
    private static readonly string[] LastNames = ["Silva", "Santos", "García", "Smith", "Okafor", "Müller", "Dubois", "Sharma", "Rossi", "Tanaka", "Hernández", "Wijaya"];
    private static readonly string[] PhoneChannels = ["whatsapp", "whatsapp", "whatsapp", "telegram", "sms", "viber", "line", "aircall"];
    private static readonly string[] NamedChannels = ["instagram", "messenger"];

    /// <summary>The channels whose conversations bring a name but no phone.</summary>
    public static IReadOnlyList<string> PhonelessChannels => NamedChannels;
    private static readonly string[] Messages = ["Hi, is this still available?", "Hello! I'd like to book for Saturday", "Where is my order?", "Do you ship abroad?", "Can I change my appointment?", "Olá, tudo bem?", "Hola, una pregunta"];
    private static readonly string[] MetaOrderChoices = [MetaOrders.Before, MetaOrders.After, MetaOrders.Interleaved];

    private sealed record Customer(string Name, TrafficCountry Country, string National, string? Email, string Channel, int Style)
    {
        public string ChannelUserId { get; init; } = "";
    }

    private readonly Random _random = new(seed);
    private readonly List<Customer> _customers = [];

    /// <summary>Maximum spacing, in ms, between a conversation's meta events and its first message.</summary>
    public int MaxMetaSpacingMs { get; init; } = 150;

    public StartConversationRequest Next()
    {
        var roll = _random.NextDouble();
        return roll switch
        {
            < 0.10 => Chat(),
            < 0.18 => EmailConversation(),
            < 0.36 when _customers.Count > 0 => Returning(),
            < 0.50 when _customers.Count > 0 => OtherChannel(),
            < 0.60 => NewCustomer(withEmail: true),
            _ => NewCustomer(withEmail: false),
        };
    }

    private StartConversationRequest NewCustomer(bool withEmail)
    {
        var country = Pick(TrafficCountry.All);
        var national = country.MobilePrefix + Digits(country.SubscriberDigits);
        var name = Pick(FirstNames) + " " + Pick(LastNames);
        var channel = _random.NextDouble() < 0.15 ? Pick(NamedChannels) : Pick(PhoneChannels);
        var email = withEmail ? EmailOf(name) : null;
        // From the customer's number in the script, not the random sequence: the rest of the script stays as it was.
        var customer = new Customer(name, country, national, email, channel, _random.Next(TrafficCountry.FormatStyles))
        {
            ChannelUserId = "178414" + (seed & 0xFFFF).ToString("D5", System.Globalization.CultureInfo.InvariantCulture) + _customers.Count.ToString("D6", System.Globalization.CultureInfo.InvariantCulture),
        };
        _customers.Add(customer);
        return Request(customer, customer.Channel, customer.Style);
    }

    private StartConversationRequest Returning()
    {
        var customer = Pick(_customers);
        return Request(customer, customer.Channel, customer.Style);
    }

    private StartConversationRequest OtherChannel()
    {
        var customer = Pick(_customers);
        var channel = Pick(PhoneChannels.Where(c => c != customer.Channel).ToArray());
        return Request(customer, channel, (customer.Style + 1 + _random.Next(TrafficCountry.FormatStyles - 1)) % TrafficCountry.FormatStyles);
    }

    private StartConversationRequest Chat()
    {
        var name = Pick(FirstNames);
        return Decorate(new StartConversationRequest
        {
            Origin = "chat",
            Nickname = "visitor" + _random.Next(1000, 9999),
            Email = _random.NextDouble() < 0.5 ? EmailOf(name) : null,
        });
    }

    private StartConversationRequest EmailConversation()
    {
        var name = Pick(FirstNames) + " " + Pick(LastNames);
        return Decorate(new StartConversationRequest { Origin = "email", Nickname = name, Email = EmailOf(name) });
    }

    private StartConversationRequest Request(Customer customer, string channel, int style)
    {
        var hasPhone = !NamedChannels.Contains(channel);
        return Decorate(new StartConversationRequest
        {
            Origin = channel,
            Nickname = customer.Name,
            Phone = hasPhone ? customer.Country.Format(customer.National, style) : null,
            ChannelUserId = hasPhone ? null : customer.ChannelUserId,
            Email = customer.Email,
            Country = customer.Country.Code,
            City = customer.Country.City,
        });
    }

    private StartConversationRequest Decorate(StartConversationRequest request)
    {
        request.WebsiteId = Pick(websiteIds);
        request.Message = Pick(Messages);
        request.MetaOrder = Pick(MetaOrderChoices);
        request.MetaSpacingMs = MaxMetaSpacingMs == 0 ? 0 : _random.Next(MaxMetaSpacingMs + 1);
        return request;
    }

    private string EmailOf(string name) =>
        new string(name.ToLowerInvariant().Where(char.IsAsciiLetterLower).ToArray()) + _random.Next(10, 99) + "@example.com";

    private string Digits(int count) => string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + _random.Next(10))));

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
