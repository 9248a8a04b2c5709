using Microsoft.Extensions.Options;

namespace RichContact.Engine.Crisp.Rtm;

/// <summary>Start-up validation of <c>RichContact:Rtm</c>.</summary>
internal sealed class RtmTimingsValidator : IValidateOptions<RtmTimings>
{
    public ValidateOptionsResult Validate(string? name, RtmTimings options) => new OptionsCheck(RtmTimings.Section)
        .Between(nameof(options.ReconnectDelaySeconds), options.ReconnectDelaySeconds, 0.01, 600)
        .Between(nameof(options.MaxReconnectDelaySeconds), options.MaxReconnectDelaySeconds, options.ReconnectDelaySeconds, 3600)
        .Between(nameof(options.FailuresBeforeRediscovery), options.FailuresBeforeRediscovery, 1, 1000)
        .Between(nameof(options.ConnectTimeoutSeconds), options.ConnectTimeoutSeconds, 0.1, 600)
        .Between(nameof(options.WatchdogSeconds), options.WatchdogSeconds, 0.1, 3600)
        .Between(nameof(options.MinBindIntervalSeconds), options.MinBindIntervalSeconds, 0, 600)
        .Between(nameof(options.EventQueueCapacity), options.EventQueueCapacity, 1, 1_000_000)
        .Between(nameof(options.MaxUnauthorizedRetryMinutes), options.MaxUnauthorizedRetryMinutes, 0.01, 1440)
        .Result;
}
