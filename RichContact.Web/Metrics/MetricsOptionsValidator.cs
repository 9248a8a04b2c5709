using Microsoft.Extensions.Options;
using RichContact.Web.Security;

namespace RichContact.Web.Metrics;

/// <summary>Start-up validation of <c>RichContact:Metrics</c>: a wrong setting stops the app with a message naming the key.</summary>
internal sealed class MetricsOptionsValidator : IValidateOptions<MetricsOptions>
{
    public ValidateOptionsResult Validate(string? name, MetricsOptions options)
    {
        var errors = new List<string>();

        if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint)
            && (!Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var otlp) || (otlp.Scheme != Uri.UriSchemeHttp && otlp.Scheme != Uri.UriSchemeHttps)))
            errors.Add($"RichContact:Metrics:OtlpEndpoint must be an absolute http(s) URL such as http://collector:4317 (got '{options.OtlpEndpoint}'); leave it empty to export to Prometheus only.");

        var invalid = IPNetworks.Invalid(options.AllowedNetworks);
        if (invalid.Count > 0)
            errors.Add($"RichContact:Metrics:AllowedNetworks must list networks such as 10.0.0.0/8 or addresses such as 192.168.1.20, space separated (not: {string.Join(", ", invalid.Select(e => $"'{e}'"))}).");
        else if (string.IsNullOrWhiteSpace(options.AllowedNetworks))
            errors.Add("RichContact:Metrics:AllowedNetworks must name at least one network; 0.0.0.0/0 ::/0 lets any client scrape.");

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
