using System.Net;

namespace RichContact.Engine.Crisp.Rest;

/// <summary>
/// Crisp answered with an error envelope (<c>{"error": true, "reason": "..."}</c>) or an error
/// status. <see cref="Operation"/> names the call (<c>people.search</c>), never its URL: URLs carry
/// search values such as phone digits.
/// </summary>
public sealed class CrispApiException(string operation, HttpStatusCode status, string? reason)
    : Exception($"Crisp {operation} failed: {(int)status} {reason ?? "no reason"}")
{
    public string Operation { get; } = operation;
    public HttpStatusCode Status { get; } = status;

    /// <summary>Crisp's reason string (<c>not_found</c>, <c>invalid_data</c>...) when it sent one.</summary>
    public string? Reason { get; } = reason;

    public bool IsConflict => Status == HttpStatusCode.Conflict;
    /// <summary>The plugin token is wrong (401). A 403 is a route closed to the tier, not a bad token.</summary>
    public bool IsUnauthorized => Status == HttpStatusCode.Unauthorized;

    /// <summary>A 4xx that is not about quota, time or the plugin token: the same call would be refused again.</summary>
    public bool IsLastingRefusal => (int)Status is >= 400 and < 500 and not 401 and not 408 and not 420 and not 429;

    /// <summary>A short code for the activity log: <c>crisp_404_not_found</c>, <c>crisp_429</c>.</summary>
    public string ReasonCode
    {
        get
        {
            var reason = new string((Reason ?? "").Where(c => char.IsAsciiLetterOrDigit(c) || c == '_').Take(40).ToArray());
            return reason.Length == 0 ? $"crisp_{(int)Status}" : $"crisp_{(int)Status}_{reason}";
        }
    }
}
