using Microsoft.Extensions.Options;
using RichContact.Engine;
using RichContact.Web.Auth;
using RichContact.Engine.Tests.Support;
using RichContact.Web.Tests.Support;

namespace RichContact.Web.Tests.Auth;

public sealed class AdminAccountTests : IDisposable
{
    private readonly TempDataDirectory _data = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    private AdminAccount Account(string? configuredPassword = null, int maxFailedAttempts = 3) => new(
        Options.Create(new AdminOptions { Password = configuredPassword, MaxFailedAttempts = maxFailedAttempts, LockoutMinutes = 5 }),
        Options.Create(new RichContactOptions { DataDirectory = _data.Path }),
        _clock);

    private string StoredFile => Path.Combine(_data.Path, AdminAccount.FileName);

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
        Assert.Equal(LoginResult.Success, restarted.Verify(password));
        Assert.Equal(LoginResult.WrongPassword, restarted.Verify(password + "x"));
    }

    [Fact]
    public void A_configured_password_is_used_and_nothing_is_stored()
    {
        var account = Account("s3cret-from-config", maxFailedAttempts: 10);

        Assert.Null(account.EnsurePassword());
        Assert.False(File.Exists(StoredFile));
        Assert.Equal(LoginResult.Success, account.Verify("s3cret-from-config"));
        Assert.Equal(LoginResult.WrongPassword, account.Verify("s3cret-from-confi"));
        Assert.Equal(LoginResult.WrongPassword, account.Verify(""));
        Assert.Equal(LoginResult.WrongPassword, account.Verify(null));
    }

    [Fact]
    public void Repeated_failures_lock_the_account_even_for_the_right_password_until_the_lockout_ends()
    {
        var account = Account("right");

        Assert.Equal(LoginResult.WrongPassword, account.Verify("wrong"));
        Assert.Equal(LoginResult.WrongPassword, account.Verify("wrong"));
        Assert.Equal(LoginResult.LockedOut, account.Verify("wrong"));
        Assert.Equal(LoginResult.LockedOut, account.Verify("right"));

        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(LoginResult.Success, account.Verify("right"));
    }

    [Fact]
    public void A_success_resets_the_failure_count()
    {
        var account = Account("right");

        account.Verify("wrong");
        account.Verify("wrong");
        Assert.Equal(LoginResult.Success, account.Verify("right"));
        Assert.Equal(LoginResult.WrongPassword, account.Verify("wrong"));
        Assert.Equal(LoginResult.WrongPassword, account.Verify("wrong"));
    }

    public void Dispose() => _data.Dispose();
}
