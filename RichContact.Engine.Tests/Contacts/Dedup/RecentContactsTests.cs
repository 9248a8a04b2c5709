using System.Reflection;
using RichContact.Engine.Contacts;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Contacts.Dedup;

public class RecentContactsTests
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_same_phone_in_another_form_finds_the_contact_until_it_is_forgotten_with_time()
    {
        var recent = new RecentContacts(_clock);
        recent.Remember("w1", new ContactIdentity(null, "+5511987654321"), "people-1");

        Assert.Equal("people-1", recent.Find("w1", new ContactIdentity("ana@example.com", "+551187654321")));
        Assert.Null(recent.Find("w2", new ContactIdentity(null, "+5511987654321")));

        _clock.Advance(RecentContacts.Remembered);
        Assert.Null(recent.Find("w1", new ContactIdentity(null, "+5511987654321")));
    }

    [Fact]
    public void Nothing_it_holds_reads_back_as_a_phone_or_an_email()
    {
        var recent = new RecentContacts(_clock);
        recent.Remember("w1", new ContactIdentity("ana@example.com", "+5511987654321"), "people-1");

        var held = string.Join("\n", Strings(recent, depth: 0));

        Assert.Contains("people-1", held);
        Assert.DoesNotContain("ana@example.com", held);
        Assert.DoesNotContain("987654321", held);
    }

    /// <summary>Every string reachable from the object's fields: what a memory dump would show of it.</summary>
    private static IEnumerable<string> Strings(object? value, int depth)
    {
        if (value is null || depth > 6)
            yield break;
        if (value is string text)
        {
            yield return text;
            yield break;
        }
        if (value is System.Collections.IEnumerable items)
        {
            foreach (var item in items)
                foreach (var found in Strings(item, depth + 1))
                    yield return found;
        }
        if (value.GetType().IsPrimitive)
            yield break;
        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            foreach (var found in Strings(field.GetValue(value), depth + 1))
                yield return found;
    }
}
