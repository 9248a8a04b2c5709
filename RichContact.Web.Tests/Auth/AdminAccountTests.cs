using Microsoft.Extensions.Options;
using RichContact.Engine.Nodes;
using RichContact.Engine.Storage;
using RichContact.Testing;
using RichContact.Web.Auth;

namespace RichContact.Web.Tests.Auth;

public sealed class AdminAccountTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    private AdminAccount Account(string? configuredPassword = null) => new(
        Options.Create(new AdminOptions { Password = configuredPassword }),
        NodeState.InDataDirectory(new DataDirectory(_data.Path)), new ProcessStateChanges(), TimeProvider.System);

    private string StoredFile => Path.Combine(_data.Path, DataDirectory.AdminAccountFileName);

    [Fact]
    public void Without_a_configured_password_the_first_start_generates_one_and_stores_only_its_hash()
    {
        var password = Account().EnsurePassword();

        Assert.NotNull(password);
        Assert.True(password.Length >= 20);
        var stored = File.ReadAllText(StoredFile);
        Assert.DoesNotContain(password, stored);
        Assert.Contains("PBKDF2-SHA256", stored);
        // A restart neither prints nor changes it, and it still opens the portal.
        var restarted = Account();
        Assert.Null(restarted.EnsurePassword());
        Assert.True(restarted.Verify(password));
        Assert.False(restarted.Verify(password + "x"));
    }

    [Fact]
    public void A_configured_password_is_used_and_nothing_is_stored()
    {
        var account = Account("s3cret-from-config");

        Assert.Null(account.EnsurePassword());
        Assert.False(File.Exists(StoredFile));
        Assert.True(account.Verify("s3cret-from-config"));
        Assert.False(account.Verify("s3cret-from-confi"));
        Assert.False(account.Verify(""));
        Assert.False(account.Verify(null));
    }

    public void Dispose() => _data.Dispose();
}
