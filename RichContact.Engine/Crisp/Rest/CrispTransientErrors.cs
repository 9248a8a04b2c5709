using System.Net;

namespace RichContact.Engine.Crisp.Rest;

/// <summary>
/// Which Crisp failures may pass if tried again: one definition for the REST client's retries and
/// for the contact job, which records what its retries could not get through.
/// </summary>
public static class CrispTransientErrors
{
    /// <summary>Crisp gave no answer: a network error or an attempt that timed out.</summary>
    public static bool IsUnreachable(Exception error) =>
        error is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException;

    /// <summary>Crisp answered but may answer otherwise soon: 5xx, 408 and its rate limits 429 and 420.</summary>
    public static bool IsRetryable(HttpStatusCode status) =>
        (int)status >= 500 || (int)status is 429 or 420 || status == HttpStatusCode.RequestTimeout;
}
