using RichContact.Engine.Contacts;
using RichContact.Engine.Settings;

namespace RichContact.Engine.Tests.Contacts.Dedup;

public class ExclusionsTests
{
    [Theory]
    [InlineData("+351 91 000", "+35191000")]
    [InlineData("00351 91-000", "+35191000")]
    [InlineData("(+351) 91.000", "+35191000")]
    [InlineData("+351 912 345 678", "+351912345678")]
    [InlineData("351912345678", "+351912345678")]
    [InlineData("  Staff@OurCompany.com ", "staff@ourcompany.com")]
    [InlineData("@OurCompany.com", "@ourcompany.com")]
    public void Entry_typed_in_any_format_is_kept_as_dedup_reads_it(string line, string entry) =>
        Assert.Equal(entry, Exclusions.NormaliseEntry(line, defaultCountry: null));

    [Fact]
    public void National_number_is_read_in_the_default_country_and_refused_without_one()
    {
        Assert.Equal("+351912345678", Exclusions.NormaliseEntry("912 345 678", "PT"));
        Assert.Null(Exclusions.NormaliseEntry("912 345 678", null));
    }

    [Theory]
    [InlineData("John")]
    [InlineData("91 000")]
    [InlineData("@")]
    [InlineData("@nodot")]
    [InlineData("a@b@c.com")]
    [InlineData("+351+91")]
    [InlineData("+")]
    public void Line_that_is_neither_a_phone_an_email_nor_a_domain_is_refused(string line) =>
        Assert.Null(Exclusions.NormaliseEntry(line, "PT"));

    [Fact]
    public void Refused_line_is_named_by_its_number_counting_blank_lines()
    {
        var error = Exclusions.Normalise(["+351 91 000", "", "staff@ourcompany.com", "test number"], null, out var entries);

        Assert.Equal(new SettingsError(SettingsProblem.NotAnExclusion, "exclusion", "test number", Count: 4), error);
        Assert.Empty(entries);
        Assert.Contains("Line 4, 'test number'", error!.Message);
    }

    [Fact]
    public void Blank_lines_and_duplicates_are_dropped()
    {
        var error = Exclusions.Normalise(["+351 91 000", " ", "00351 91 000", "@x.com", null], null, out var entries);

        Assert.Null(error);
        Assert.Equal(["+35191000", "@x.com"], entries);
    }

    [Fact]
    public void More_entries_than_the_limit_are_refused()
    {
        var lines = Enumerable.Range(0, Exclusions.MaxEntries + 1).Select(i => $"user{i}@example.com");

        var error = Exclusions.Normalise(lines, null, out _);

        Assert.Equal(SettingsProblem.TooMany, error!.Problem);
    }

    [Theory]
    [InlineData("+351912345678", null, true)]
    [InlineData("+351910001234", null, true)]
    [InlineData("+351912345679", null, false)]
    [InlineData(null, "test@example.com", true)]
    [InlineData(null, "staff@ourcompany.com", true)]
    [InlineData(null, "boss@ourcompany.com", true)]
    [InlineData(null, "staff@ourcompany.com.br", false)]
    [InlineData(null, "someone@example.com", false)]
    public void Visitor_is_excluded_by_a_prefix_an_email_or_a_domain(string? phone, string? email, bool excluded)
    {
        string[] entries = ["+351912345678", "+35191000", "@ourcompany.com", "test@example.com"];

        Assert.Equal(excluded, Exclusions.Excludes(entries, new ContactIdentity(email, phone)));
    }

    [Fact]
    public void Number_excluded_in_one_national_form_is_excluded_in_the_other()
    {
        // A Brazilian mobile typed without its 9 is the same person as the valid number with it.
        var entry = Exclusions.NormaliseEntry("+55 11 8765-4321", null)!;

        Assert.True(Exclusions.Excludes([entry], new ContactIdentity(null, "+5511987654321")));
        Assert.True(Exclusions.Excludes(["+551187654321"], new ContactIdentity(null, "+5511987654321")));
    }

    [Fact]
    public void No_entries_exclude_nobody() =>
        Assert.False(Exclusions.Excludes([], new ContactIdentity("a@b.com", "+351912345678")));
}
