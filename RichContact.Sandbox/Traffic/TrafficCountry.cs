namespace RichContact.Sandbox.Traffic;

/// <summary>A country the demo's customers write from: calling code, a mobile prefix, and how many digits follow it.</summary>
internal sealed record TrafficCountry(string Code, string CallingCode, string City, string MobilePrefix, int SubscriberDigits)
{
    public static readonly IReadOnlyList<TrafficCountry> All =
    [
        new("BR", "55", "São Paulo", "119", 8),
        new("PT", "351", "Lisbon", "91", 7),
        new("ES", "34", "Madrid", "6", 8),
        new("US", "1", "New York", "917", 7),
        new("GB", "44", "London", "7700", 6),
        new("FR", "33", "Paris", "6", 8),
        new("DE", "49", "Berlin", "151", 8),
        new("MX", "52", "Mexico City", "155", 8),
        new("AR", "54", "Buenos Aires", "911", 8),
        new("IN", "91", "Mumbai", "98", 8),
        new("NG", "234", "Lagos", "803", 7),
        new("ID", "62", "Jakarta", "812", 8),
    ];

    /// <summary>The same number written the ways people and channels write it.</summary>
    public string Format(string national, int style) => style switch
    {
        0 => "+" + CallingCode + national,
        1 => "+" + CallingCode + " " + Grouped(national),
        2 => "00" + CallingCode + " " + Grouped(national),
        3 => CallingCode + national,
        4 => "+" + CallingCode + " (" + national[..2] + ") " + national[2..^4] + "-" + national[^4..],
        _ => "+" + CallingCode + "-" + national[..3] + "-" + national[3..],
    };

    public const int FormatStyles = 6;

    private static string Grouped(string digits) =>
        string.Join(' ', Enumerable.Range(0, (digits.Length + 2) / 3).Select(i => digits.Substring(i * 3, Math.Min(3, digits.Length - i * 3))));
}
