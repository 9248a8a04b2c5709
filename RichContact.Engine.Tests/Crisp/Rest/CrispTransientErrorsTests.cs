using System.Net;
using RichContact.Engine.Crisp.Rest;

namespace RichContact.Engine.Tests.Crisp.Rest;

public class CrispTransientErrorsTests
{
    [Theory]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(420, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(404, false)]
    [InlineData(409, false)]
    public void Server_errors_timeouts_and_rate_limits_are_retryable_other_answers_are_final(int status, bool retryable) =>
        Assert.Equal(retryable, CrispTransientErrors.IsRetryable((HttpStatusCode)status));

    [Fact]
    public void Network_errors_and_timeouts_mean_crisp_was_unreachable_other_exceptions_do_not()
    {
        Assert.True(CrispTransientErrors.IsUnreachable(new HttpRequestException()));
        Assert.True(CrispTransientErrors.IsUnreachable(new TimeoutException()));
        Assert.True(CrispTransientErrors.IsUnreachable(new Polly.Timeout.TimeoutRejectedException()));
        Assert.False(CrispTransientErrors.IsUnreachable(new CrispApiException("people.search", HttpStatusCode.ServiceUnavailable, null)));
        Assert.False(CrispTransientErrors.IsUnreachable(new OperationCanceledException()));
    }
}
