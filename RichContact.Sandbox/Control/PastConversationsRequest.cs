namespace RichContact.Sandbox;

/// <summary>
/// Adds conversations that happened before now (<c>POST /_sandbox/websites/{website_id}/conversations/prefill</c>):
/// the traffic generator's mix, dated evenly over the last <see cref="Days"/> days, heard by nobody.
/// </summary>
internal sealed class PastConversationsRequest
{
    public int Count { get; set; }
    public int Days { get; set; } = 30;
    /// <summary>The same seed gives the same conversations; by default the website's install order.</summary>
    public int? Seed { get; set; }
}
