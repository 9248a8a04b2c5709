namespace RichContact.Sandbox;

/// <summary>Adds hand-made contacts to a website's CRM (<c>POST /_sandbox/websites/{website_id}/profiles/prefill</c>).</summary>
internal sealed class PrefillRequest
{
    public int Count { get; set; }
    /// <summary>The same seed gives the same contacts; by default the website's install order.</summary>
    public int? Seed { get; set; }
}
