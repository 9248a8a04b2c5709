using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CsCheck;
using RichContact.Engine.Channels;
using RichContact.Engine.Contacts;
using RichContact.Engine.Crisp.Events;
using RichContact.Engine.Tests.Crisp.Rtm;

namespace RichContact.Engine.Tests.Reliability;

/// <summary>
/// Property-based tests (CsCheck): generated origins, phone numbers, names and RTM payloads never
/// crash the parsers and never produce a value that would make a garbage contact.
/// <c>RICHCONTACT_SOAK=1</c> runs 100 times more cases.
/// </summary>
public partial class GeneratedInputTests
{
    private static readonly long Iterations = RtmOutageTests.Soak ? 1_000_000 : 10_000;

    [GeneratedRegex("^[a-z0-9_-]+$")]
    private static partial Regex ChannelName();

    [GeneratedRegex(@"^\+[1-9][0-9]{4,14}$")]
    private static partial Regex E164();

    /// <summary>Text that looks like what the fields carry: ASCII, digits, separators, emoji, RTL marks, control characters.</summary>
    private static readonly Gen<string> OddText = Gen.OneOf<string>(
        Gen.String,
        Gen.String[Gen.Char["urn:+0123456789 -()./@abcXYZ\u202E\u200F\u0000\u001b\t\n😀👍🏽é٣"], 0, 40],
        Gen.Char.Array[0, 12_000].Select(c => new string(c)));

    [Fact]
    public void Origin_parser_never_throws_and_only_yields_plain_channel_names()
    {
        Gen.OneOf<string>(OddText, Gen.OneOf("urn:", "urn:::", "urn:::::", "URN:a:b:c", "urn: : : ", "chat", "email", new string(':', 5000), "urn:x:" + new string('a', 100_000) + ":0"))
            .Sample(origin =>
            {
                if (ChannelOrigin.TryGetChannel(origin, out var channel))
                {
                    Assert.Matches(ChannelName(), channel);
                    Assert.Equal(4, origin.Split(':').Length);
                }
                else
                {
                    Assert.Equal("", channel);
                }
            }, iter: Iterations);
    }

    [Fact]
    public void Origin_parser_reads_the_channel_of_every_well_formed_urn()
    {
        var name = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-_"], 1, 30];
        var part = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789.-_"], 1, 20];
        Gen.Select(part, name, part).Sample((owner, channel, version) =>
        {
            Assert.True(ChannelOrigin.TryGetChannel($"urn:{owner}:{channel.ToUpperInvariant()}:{version}", out var read));
            Assert.Equal(channel, read);
        }, iter: Iterations);
    }

    [Fact]
    public void Phone_normaliser_never_throws_and_gives_null_or_a_stable_valid_e164_number()
    {
        var region = Gen.OneOf<string?>(null, "PT", "BR", "US", "FR", "ZZ", "", "p", "xyz");
        var phoneLike = Gen.String[Gen.Char["+0123456789 -()."], 0, 30];
        Gen.Select(Gen.OneOf<string>(OddText, phoneLike), region).Sample((raw, hint) =>
        {
            // The lenient form only matches existing profiles; it may keep a doubled trunk prefix
            // (libphonenumber strips one per parse), so only its shape is checked.
            if (Phones.ToE164Lenient(raw, hint) is { } lenient)
                Assert.Matches(E164(), lenient);
            // The strict form goes on new contacts: valid, stable, and one of its own variants.
            if (Phones.ToE164(raw, hint) is { } e164)
            {
                Assert.Matches(E164(), e164);
                Assert.Equal(e164, Phones.ToE164(e164, null));
                Assert.Contains(e164, Phones.Variants(e164));
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Names_with_emoji_rtl_control_characters_or_10000_characters_give_a_clean_bounded_nickname()
    {
        Gen.OneOf<string>(OddText, Gen.OneOf("😀", "\u202Eevil", "Ana\u0000", new string('a', 10_000), "👨‍👩‍👧" + new string('b', 198)))
            .Sample(raw =>
            {
                var name = Nickname.ForContact(raw);
                if (name is null)
                    return;
                Assert.InRange(name.Length, 1, 200);
                Assert.DoesNotContain(name, char.IsControl);
                Assert.DoesNotContain(name, c => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069');
                // Valid UTF-16: no half of an emoji left at the cut.
                Assert.Equal(name, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(name)));
            }, iter: Iterations);
    }

    [Fact]
    public void Rtm_event_parser_never_throws_on_generated_payloads_and_keeps_values_out_of_its_problems()
    {
        var names = Gen.OneOf(CrispEventParser.Subscribed.Append("unknown:event").Append("").ToArray());
        Gen.Select(names, Payload(4)).Sample((name, payload) =>
        {
            var element = JsonSerializer.SerializeToElement(payload);
            var parsed = CrispEventParser.Parse(name, element, out var problem);
            if (parsed is not null)
                Assert.False(string.IsNullOrEmpty(parsed.WebsiteId));
            if (parsed is MessageSent or SessionDetails or SessionRemoved)
                Assert.Null(problem);
            if (problem is not null)
                Assert.DoesNotContain(Secret, problem);
        }, iter: Iterations / 5);
    }

    [Fact]
    public void Rtm_event_parser_survives_deep_and_huge_payloads()
    {
        var deep = new StringBuilder();
        for (var i = 0; i < 60; i++) deep.Append("{\"a\":");
        deep.Append("1").Append('}', 60);
        var payloads = new[]
        {
            $$"""{"website_id":"w","session_id":"s","origin":{{deep}}}""",
            $$"""{"website_id":"{{new string('w', 1_000_000)}}","session_id":"s","from":"user","origin":"urn:crisp.im:whatsapp:0"}""",
            """{"website_id":1,"session_id":[],"timestamp":"soon"}""",
            """{"website_id":"w","session_id":"s","timestamp":1e300,"from":"user"}""",
            """{"website_id":"w","session_id":"s","phone":{"nested":true}}""",
        };
        foreach (var name in CrispEventParser.Subscribed)
            foreach (var payload in payloads)
            {
                using var document = JsonDocument.Parse(payload, new JsonDocumentOptions { MaxDepth = 128 });
                CrispEventParser.Parse(name, document.RootElement, out _);
            }
    }

    /// <summary>A value the problem descriptions must never quote.</summary>
    private const string Secret = "+351912345678";

    /// <summary>RTM-like objects: the real field names with values of any JSON type, nested up to <paramref name="depth"/>.</summary>
    private static Gen<JsonNode?> Payload(int depth)
    {
        var fields = Gen.OneOf("website_id", "session_id", "from", "origin", "timestamp", "phone", "email", "nickname", "geolocation", "bound", "country", "city", "x");
        var leaf = Gen.OneOf<JsonNode?>(
            Gen.Const<JsonNode?>(default(JsonNode)),
            Gen.OneOf("w", "s", "user", "operator", "urn:crisp.im:whatsapp:0", Secret, "").Select(s => (JsonNode?)JsonValue.Create(s)),
            Gen.String.Select(s => (JsonNode?)JsonValue.Create(s)),
            Gen.Long.Select(l => (JsonNode?)JsonValue.Create(l)),
            Gen.Double.Select(d => double.IsFinite(d) ? (JsonNode?)JsonValue.Create(d) : null),
            Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)));
        if (depth == 0)
            return leaf;
        var child = Payload(depth - 1);
        var obj = Gen.Select(fields, child).List[0, 8].Select(pairs =>
        {
            var o = new JsonObject();
            foreach (var (key, value) in pairs)
                o[key] = value?.DeepClone();
            return (JsonNode?)o;
        });
        var array = child.List[0, 4].Select(items => (JsonNode?)new JsonArray(items.Select(i => i?.DeepClone()).ToArray()));
        return Gen.OneOf<JsonNode?>(obj, obj, obj, array, leaf, leaf);
    }
}
