using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace RichContact.Web.Auth;

/// <summary>
/// What an admin login is worth, checked on every request: the cookie carries the password's
/// stamp and the time of the login. A new password — set in the configuration, or a new
/// <c>admin.json</c> — changes the stamp, so every session made with the old one ends; and a
/// session ends <see cref="AdminOptions.SessionLifetimeDays"/> after its login however active it
/// is (the cookie's sliding expiry alone would renew it forever).
/// </summary>
public sealed class AdminSessions(AdminAccount account, IOptions<AdminOptions> options, TimeProvider time)
{
    public const string StampClaim = "richcontact:password_stamp";
    public const string SignedInClaim = "richcontact:signed_in";

    public ClaimsPrincipal NewPrincipal() =>
        new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, "admin"),
            new Claim(StampClaim, account.SecurityStamp()),
            new Claim(SignedInClaim, time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        ], CookieAuthenticationDefaults.AuthenticationScheme));

    /// <summary>True for a visitor without a login (nothing to end) and for a login still worth something.</summary>
    public bool IsValid(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
            return true;
        var stamp = principal.FindFirstValue(StampClaim);
        if (stamp is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(stamp), Encoding.UTF8.GetBytes(account.SecurityStamp())))
            return false;
        if (!long.TryParse(principal.FindFirstValue(SignedInClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var signedIn))
            return false;
        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(signedIn);
        return age < TimeSpan.FromDays(options.Value.SessionLifetimeDays);
    }

    /// <summary>The cookie handler's check on each request: a session that is no longer valid is signed out.</summary>
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is { } principal && IsValid(principal))
            return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
