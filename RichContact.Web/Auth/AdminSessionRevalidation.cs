using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace RichContact.Web.Auth;

/// <summary>
/// An open portal tab keeps its Blazor circuit, which no request's cookie check reaches: the circuit
/// asks <see cref="AdminSessions"/> again every minute, so a new password or the end of the
/// session's lifetime logs that tab out too.
/// </summary>
internal sealed class AdminSessionRevalidation(AdminSessions sessions, ILoggerFactory logs) : RevalidatingServerAuthenticationStateProvider(logs)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken) =>
        Task.FromResult(sessions.IsValid(state.User));
}
