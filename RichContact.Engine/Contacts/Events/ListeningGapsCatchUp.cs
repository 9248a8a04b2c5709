using RichContact.Engine.Crisp.Rtm;

namespace RichContact.Engine.Contacts;

/// <summary>
/// Makes up for what the listener could not hear: a missed stretch goes to <see cref="OutageCatchUp"/>,
/// which lists its conversations once Crisp is heard again, and how far Crisp was heard goes to the
/// <see cref="LastEventMark"/>, from which the next process catches up.
/// </summary>
public sealed class ListeningGapsCatchUp(OutageCatchUp catchUp, LastEventMark lastEventMark) : IListeningGaps
{
    public DateTimeOffset? HeardUntilLastRun() => lastEventMark.Read();

    public void MissedSince(DateTimeOffset since) => catchUp.Request(since);

    public void Listening() => catchUp.Connected();

    public void HeardUntil(DateTimeOffset at) => lastEventMark.Write(at);
}
