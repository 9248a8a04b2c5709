using RichContact.Engine.Contacts;

namespace RichContact.Engine.Tests.Contacts.Dedup;

public class PhonesTests
{
    [Theory]
    [InlineData("+351 912 345 678", null, "+351912345678")]
    [InlineData("00351912345678", null, "+351912345678")]
    [InlineData("912 345 678", "PT", "+351912345678")]
    [InlineData("912345678", "pt", "+351912345678")]
    [InlineData("351912345678", null, "+351912345678")]
    [InlineData("+55 (11) 98765-4321", null, "+5511987654321")]
    [InlineData("(11) 98765-4321", "BR", "+5511987654321")]
    [InlineData("+1 (415) 555-2671", "FR", "+14155552671")]
    public void Typed_formats_normalise_to_E164(string raw, string? region, string expected)
    {
        Assert.Equal(expected, Phones.ToE164(raw, region));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("John")]
    [InlineData("12")]
    [InlineData("john@example.com")]
    [InlineData("+999 123")]
    public void Non_phones_give_no_E164(string? raw)
    {
        Assert.Null(Phones.ToE164(raw, "PT"));
    }

    [Fact]
    public void Zeros_read_as_a_country_code_leave_no_short_number_even_for_matching()
    {
        // Found by the generated inputs: "004907" read as international is +49 07, a "possible" 4-digit number.
        Assert.Null(Phones.ToE164Lenient("(004(907", "ZZ"));
        Assert.Equal("+6834002", Phones.ToE164("+683 4002", null)); // Niue: among the shortest numbers in use
    }

    [Fact]
    public void A_number_reads_as_itself_once_normalised()
    {
        // Found by the generated inputs (seed 0Y8caPXB0641): libphonenumber formatted this as
        // +5504976815996, which it then reads as +554976815996.
        var e164 = Phones.ToE164("(0.-)(0476815996", "BR");

        Assert.True(e164 is null || Phones.ToE164(e164, null) == e164, $"{e164} reads as {Phones.ToE164(e164, null)}");
    }

    [Fact]
    public void National_number_without_region_hint_is_not_guessed_into_a_wrong_country()
    {
        // 912345678 read as international would be +91 2345678, which is not valid.
        Assert.Null(Phones.ToE164("912 345 678", null));
    }

    [Fact]
    public void Brazil_mobile_with_and_without_the_extra_nine_are_variants()
    {
        Assert.Contains("+551187654321", Phones.Variants("+5511987654321"));
        Assert.Contains("+5511987654321", Phones.Variants("+551187654321"));
    }

    [Fact]
    public void Brazil_mobile_typed_without_the_nine_normalises_to_the_valid_form()
    {
        Assert.Equal("+5511987654321", Phones.ToE164("+55 11 8765-4321", null));
    }

    [Fact]
    public void Mexico_mobile_with_and_without_the_one_are_variants()
    {
        Assert.Contains("+525512345678", Phones.Variants("+5215512345678"));
        Assert.Contains("+5215512345678", Phones.Variants("+525512345678"));
    }

    [Fact]
    public void Argentina_mobile_with_and_without_the_nine_are_variants()
    {
        Assert.Contains("+541123456789", Phones.Variants("+5491123456789"));
        Assert.Contains("+5491123456789", Phones.Variants("+541123456789"));
    }

    [Fact]
    public void Other_countries_have_no_variants()
    {
        Assert.Equal(["+351912345678"], Phones.Variants("+351912345678"));
    }

    [Fact]
    public void Variants_share_one_canonical_key()
    {
        Assert.Equal(Phones.CanonicalKey("+5211234567890"), Phones.CanonicalKey("+521234567890"));
        Assert.Equal(Phones.CanonicalKey("+5511987654321"), Phones.CanonicalKey("+551187654321"));
    }

    [Fact]
    public void Mexican_whatsapp_number_with_the_one_is_a_valid_identity()
    {
        Assert.NotNull(Phones.ToE164("+52 1 55 1234 5678", null));
        Assert.NotNull(Phones.ToE164("+54 9 11 2345-6789", null));
    }
}
