using Microsoft.AspNetCore.Http;
using RichContact.Web.Localization;

namespace RichContact.Web.Tests.Localization;

/// <summary>The settings page's language: Crisp's <c>locale</c> when the URL has one, else the owner's browser.</summary>
public sealed class UiTextLanguageTests
{
    private static string LanguageOf(string? locale, string? acceptLanguage)
    {
        var context = new DefaultHttpContext();
        if (locale is not null)
            context.Request.QueryString = QueryString.Create("locale", locale);
        if (acceptLanguage is not null)
            context.Request.Headers.AcceptLanguage = acceptLanguage;
        return UiText.ForRequest(context.Request).Culture;
    }

    [Theory]
    [InlineData(null, null, "en")]
    [InlineData(null, "fr-FR,fr;q=0.9,en;q=0.8", "fr")]
    [InlineData(null, "de-DE,fr;q=0.7,en;q=0.8", "en")]
    [InlineData(null, "de-DE,en;q=0.5,fr-CA;q=0.9", "fr")]
    [InlineData(null, "de-DE", "en")]
    [InlineData(null, "fr;q=0", "en")]
    [InlineData("fr", "en-US", "fr")]
    [InlineData("fr_FR", null, "fr")]
    [InlineData("en", "fr-FR", "en")]
    [InlineData("de", "fr-FR", "en")]
    [InlineData("", "fr-FR", "fr")]
    public void The_locale_in_the_url_wins_else_the_browsers_first_language_the_page_speaks(string? locale, string? acceptLanguage, string expected) =>
        Assert.Equal(expected, LanguageOf(locale, acceptLanguage));
}
