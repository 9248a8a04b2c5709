namespace RichContact.Engine.Nodes;

/// <summary>
/// This node no longer holds the RTM term under which it was about to act (it woke after another node
/// took RTM over): what it was doing is left to the node that holds RTM now, or to the durable job.
/// </summary>
internal sealed class RtmTermEndedException() : Exception("This node no longer holds RTM");
