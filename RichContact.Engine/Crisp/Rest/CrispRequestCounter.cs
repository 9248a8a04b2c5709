using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;

namespace RichContact.Engine.Crisp.Rest;

/// <summary>
/// The <c>richcontact.crisp.requests</c> counter, on the engine's meter (<see cref="EngineMeter"/>).
/// One per host; without a meter factory (a Crisp client registered alone) it counts nothing.
/// </summary>
internal sealed class CrispRequestCounter(IMeterFactory? meters)
{
    private readonly Counter<long>? _requests = meters?.Create(new MeterOptions(EngineMeter.Name)).CreateCounter<long>(
        "richcontact.crisp.requests", "{request}",
        "Requests sent to Crisp's REST API (retries included: each one is daily quota), by route template, method and HTTP status.");

    /// <summary>One request that left for Crisp: its route template (never its URL), method and status (null when no answer came).</summary>
    public void Count(string route, HttpMethod method, HttpStatusCode? status)
    {
        if (_requests is not { Enabled: true })
            return;
        _requests.Add(1,
            new KeyValuePair<string, object?>("route", route),
            new KeyValuePair<string, object?>("method", method.Method),
            new KeyValuePair<string, object?>("status", status is { } code ? ((int)code).ToString(CultureInfo.InvariantCulture) : "none"));
    }
}
