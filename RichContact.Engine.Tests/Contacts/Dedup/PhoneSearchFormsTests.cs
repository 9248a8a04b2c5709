using RichContact.Engine.Contacts;

namespace RichContact.Engine.Tests.Contacts.Dedup;

public class PhoneSearchFormsTests
{
    /// <summary>
    /// Each typed phone, cut into words as a full-text index would, holds one of the forms as whole
    /// words: found under the strictest reading of "has".
    /// </summary>
    [Theory]
    [InlineData("+351912345678", "+351 912 345 678")]
    [InlineData("+351912345678", "912345678")]
    [InlineData("+351912345678", "912-345-678")]
    [InlineData("+34612345678", "0034 612 34 56 78")]
    [InlineData("+34612345678", "612.34.56.78")]
    [InlineData("+33612345678", "06 12 34 56 78")]
    [InlineData("+33612345678", "0612345678")]
    [InlineData("+33612345678", "+33612345678")]
    [InlineData("+5511987654321", "+55 (11) 98765-4321")]
    [InlineData("+5511987654321", "5511987654321")]
    [InlineData("+5511987654321", "+55 11 8765-4321")]
    [InlineData("+447911123456", "07911 123456")]
    [InlineData("+4915123456789", "0151 23456789")]
    [InlineData("+14155552671", "+1 (415) 555-2671")]
    public void Some_form_is_whole_words_of_the_phone_as_typed(string e164, string typed)
    {
        var words = Words(typed);
        var forms = PhoneSearchForms.Broad(new ContactIdentity(null, e164));

        Assert.Contains(forms, form => ContainsInOrder(words, Words(form)));
    }

    [Fact]
    public void The_shortest_numbers_in_use_have_forms_too()
    {
        var forms = PhoneSearchForms.Broad(new ContactIdentity(null, "+6834002"));   // Niue: 7 digits

        Assert.Contains("6834002", forms);
        Assert.Contains("4002", forms);
    }

    [Fact]
    public void Narrow_forms_hold_six_digits_or_more()
    {
        var forms = PhoneSearchForms.Narrow(new ContactIdentity(null, "+351912345678"));

        Assert.All(forms, form => Assert.True(form.Count(char.IsAsciiDigit) >= 6, form));
        Assert.Contains("345 678", forms);
        Assert.Contains("912345678", forms);
    }

    private static string[] Words(string text) =>
        text.Split(text.Where(c => !char.IsAsciiDigit(c)).Distinct().ToArray(), StringSplitOptions.RemoveEmptyEntries);

    private static bool ContainsInOrder(string[] words, string[] wanted) =>
        Enumerable.Range(0, Math.Max(0, words.Length - wanted.Length + 1)).Any(start => wanted.Select((w, i) => words[start + i] == w).All(same => same));
}
