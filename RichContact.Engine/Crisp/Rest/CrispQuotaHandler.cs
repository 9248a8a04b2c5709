namespace RichContact.Engine.Crisp.Rest;

/// <summary>
/// The innermost handler of the Crisp client: every request that actually leaves (first try or
/// retry) spends daily budget and counts for the current conversation.
/// </summary>
internal sealed class CrispQuotaHandler(CrispRequestBudget budget) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await budget.SpendAsync(cancellationToken);
        RestCallCounter.CountOne();
        return await base.SendAsync(request, cancellationToken);
    }
}
