namespace RichContact.Sandbox;

public static class MetaOrders
{
    public const string Before = "before";
    public const string After = "after";
    public const string Interleaved = "interleaved";
}
