using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace RichContact.Web.Security;

/// <summary>
/// Applies an endpoint's <see cref="IRequestSizeLimitMetadata"/> before anything reads the body
/// (the antiforgery check reads a form before the page runs). The server then refuses to read past
/// the limit, chunked bodies included: a <c>Content-Length</c> above it is answered 413 at once, and
/// a chunked body that passes it stops being read there and is answered 413.
/// </summary>
public static class RequestBodyLimits
{
    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { MaxRequestBodySize: { } limit })
            {
                if (context.Request.ContentLength > limit)
                {
                    await TooLargeAsync(context);
                    return;
                }
                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                    size.MaxRequestBodySize = limit;
            }
            try
            {
                await next(context);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
            {
                await TooLargeAsync(context);
            }
        });

    /// <summary>With a body, so that the status code pages leave the answer as it is.</summary>
    private static Task TooLargeAsync(HttpContext context)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        // The rest of the body is not read: the connection closes after the answer.
        context.Response.Headers.Connection = "close";
        return context.Response.WriteAsync("Request body too large.");
    }
}
