using RichContact.Engine.Settings;

namespace RichContact.Engine.Tests.Settings;

/// <summary>The default country and the exclusion list, as the validator takes and refuses them.</summary>
public class WorkspaceSettingsValidationTests
{
    private static readonly WebsiteSettings Defaults = WebsiteSettings.DefaultsFor("website-1");

    [Fact]
    public void Default_country_is_kept_uppercase_and_blank_means_none()
    {
        Assert.Equal("PT", WebsiteSettingsValidator.Validate(Defaults with { DefaultCountry = " pt " }).Settings!.DefaultCountry);
        Assert.Null(WebsiteSettingsValidator.Validate(Defaults with { DefaultCountry = "  " }).Settings!.DefaultCountry);
    }

    [Fact]
    public void Unknown_country_code_is_refused_naming_it()
    {
        var result = WebsiteSettingsValidator.Validate(Defaults with { DefaultCountry = "XY" });

        Assert.False(result.IsValid);
        Assert.Equal("'XY' is not a country code Rich Contact knows.", result.Errors[nameof(WebsiteSettings.DefaultCountry)].Message);
    }

    [Fact]
    public void Exclusions_are_normalised_with_national_numbers_read_in_the_default_country()
    {
        var result = WebsiteSettingsValidator.Validate(Defaults with { DefaultCountry = "PT", Exclusions = ["912 345 678", "+351 91 000", "@OurCompany.com"] });

        Assert.Equal(["+351912345678", "+35191000", "@ourcompany.com"], result.Settings!.Exclusions);
    }

    [Fact]
    public void Exclusion_line_that_is_neither_phone_email_nor_domain_is_refused_with_the_line_named_and_nothing_kept()
    {
        var result = WebsiteSettingsValidator.Validate(Defaults with { Exclusions = ["+351 91 000", "front desk"] });

        Assert.False(result.IsValid);
        Assert.Null(result.Settings);
        Assert.StartsWith("Line 2, 'front desk', is neither", result.Errors[nameof(WebsiteSettings.Exclusions)].Message);
    }

    [Fact]
    public void Every_listed_country_has_a_name_and_a_two_letter_code()
    {
        Assert.Contains(("PT", "Portugal"), Countries.All);
        Assert.All(Countries.All, c => Assert.Equal(2, c.Code.Length));
        Assert.True(Countries.All.Count > 200);
    }
}
