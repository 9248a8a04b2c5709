namespace RichContact.Sandbox;

// Standalone entry point; the sandbox itself is filled in by its own issue.
public static class Program
{
    public static void Main(string[] args)
    {
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGet("/", () => "Rich Contact sandbox");
        app.Run();
    }
}
