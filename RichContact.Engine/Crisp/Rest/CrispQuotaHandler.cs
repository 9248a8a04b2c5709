namespace RichContact.Engine.Crisp.Rest;

/// <summary>
/// The innermost handler of the Crisp client: every request that actually leaves (first try or
/// retry) spends daily budget and counts for the current conversation.
/// </summary>
internal sealed class CrispQuotaHandler(CrispRequestBudget budget) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        budget.Spend();
        RestCallCounter.CountOne();
        return base.SendAsync(request, cancellationToken);
    }
}
