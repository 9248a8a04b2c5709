using RichContact.Engine.Contacts;

namespace RichContact.Engine.Tests.Contacts.Dedup;

public class NicknameTests
{
    [Theory]
    [InlineData("Ana Souza", "Ana Souza")]
    [InlineData("  José  ", "José")]
    public void Real_names_are_kept_trimmed(string raw, string expected) => Assert.Equal(expected, Nickname.ForContact(raw));

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("+351 912 345 678")]
    [InlineData("(11) 98765-4321")]
    [InlineData("Visitor")]
    [InlineData("visitor 4821")]
    [InlineData("Visitor #12")]
    [InlineData("Guest")]
    [InlineData("unknown")]
    public void Phone_numbers_and_generic_visitor_names_are_left_out(string? raw) => Assert.Null(Nickname.ForContact(raw));
}
