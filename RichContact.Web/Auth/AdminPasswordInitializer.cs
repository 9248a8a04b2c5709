
namespace RichContact.Web.Auth;

/// <summary>On the first start without a configured password, generates one and prints it once.</summary>
internal sealed class AdminPasswordInitializer(AdminAccount account) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (account.EnsurePassword() is { } password)
        {
            // Straight to the console, not through ILogger: log sinks may be kept, the password must not be.
            Console.WriteLine();
            Console.WriteLine("Rich Contact: generated the admin password (shown only this once; only its hash is stored):");
            Console.WriteLine($"    {password}");
            Console.WriteLine($"Set RichContact:Admin:Password to choose your own, or delete {account.StoreDescription} to generate a new one.");
            Console.WriteLine();
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
