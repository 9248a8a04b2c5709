using Microsoft.AspNetCore.Http.Metadata;

namespace RichContact.Web.Security;

/// <summary>
/// The largest request body an endpoint or page takes (<see cref="RequestBodyLimits"/> enforces it
/// while the body is read). Kestrel's default, 30 MB, is far beyond what any of ours needs.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RequestBodyLimitAttribute(long bytes) : Attribute, IRequestSizeLimitMetadata
{
    /// <summary>A login or logout form: a password and an antiforgery token.</summary>
    public const long Form = 16 * 1024;

    /// <summary>A page that takes no body at all (its work goes over the Blazor circuit).</summary>
    public const long Page = 4 * 1024;

    public long? MaxRequestBodySize { get; } = bytes;
}
