using Microsoft.Extensions.Options;

namespace RichContact.Web.Auth;

/// <summary>Start-up validation of <c>RichContact:Admin</c>: a wrong setting stops the app with a message naming the key.</summary>
internal sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        var errors = new List<string>();
        if (!string.IsNullOrEmpty(options.Password) && options.Password.Length < AdminOptions.MinimumPasswordLength)
            errors.Add($"RichContact:Admin:Password must be at least {AdminOptions.MinimumPasswordLength} characters (it is {options.Password.Length}); leave it empty to have one generated.");
        if (options.MaxFailedAttempts < 1 || options.LockoutMinutes < 1)
            errors.Add("RichContact:Admin:MaxFailedAttempts and RichContact:Admin:LockoutMinutes must be at least 1.");
        if (options.SessionLifetimeDays is < 1 or > 365)
            errors.Add("RichContact:Admin:SessionLifetimeDays must be between 1 and 365.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
