using System.Text.Json.Nodes;
using RichContact.Sandbox.Traffic;

namespace RichContact.Sandbox.Search;

/// <summary>
/// An ordinary CRM: contacts agents typed by hand over the years, with phones written every way people
/// write them (groups of two, three or four digits, dashes, dots, parentheses, national or
/// international, with or without <c>+</c>). A pure function of its seed.
/// </summary>
internal static class HandMadeContacts
{
    private static readonly string[] Names = ["Rita", "Paulo", "Inês", "Tomás", "Lucía", "Diego", "Camille", "Hugo", "Beatriz", "Rafael", "Emma", "Jonas"];

    public static IEnumerable<JsonObject> Generate(int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var country = TrafficCountry.All[random.Next(TrafficCountry.All.Count)];
            var national = country.MobilePrefix + string.Concat(Enumerable.Range(0, country.SubscriberDigits).Select(_ => random.Next(10)));
            var name = Names[random.Next(Names.Length)];
            yield return new JsonObject
            {
                ["email"] = $"{name.ToLowerInvariant()}.{seed}.{i}@example.net",
                ["person"] = new JsonObject { ["nickname"] = name, ["phone"] = Typed(country, national, random.Next(Styles)) },
                ["segments"] = new JsonArray("customer"),
            };
        }
    }

    private const int Styles = TrafficCountry.FormatStyles + 5;

    private static string Typed(TrafficCountry country, string national, int style) => style switch
    {
        < TrafficCountry.FormatStyles => country.Format(national, style),
        TrafficCountry.FormatStyles => "+" + country.CallingCode + " " + InGroupsOf(national, 2, " "),
        TrafficCountry.FormatStyles + 1 => "0" + InGroupsOf(national, 2, " "),
        TrafficCountry.FormatStyles + 2 => InGroupsOf(national, 3, "."),
        TrafficCountry.FormatStyles + 3 => "+" + country.CallingCode + " " + InGroupsOf(national, 4, " "),
        _ => national,
    };

    /// <summary>Groups of <paramref name="size"/> digits from the end, as people group the digits they read out.</summary>
    private static string InGroupsOf(string digits, int size, string separator)
    {
        var groups = new List<string>();
        for (var end = digits.Length; end > 0; end -= size)
            groups.Insert(0, digits[Math.Max(0, end - size)..end]);
        return string.Join(separator, groups);
    }
}
