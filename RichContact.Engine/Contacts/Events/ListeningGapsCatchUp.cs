using RichContact.Engine.Crisp.Rtm;

namespace RichContact.Engine.Contacts;

/// <summary>
/// Makes up for what the listener could not hear: a missed stretch goes to <see cref="OutageCatchUp"/>,
/// which lists its conversations once Crisp is heard again, and how far Crisp was heard goes to the
/// <see cref="ILastEventMark"/>, from which whoever listens next catches up.
/// </summary>
internal sealed class ListeningGapsCatchUp(OutageCatchUp catchUp, ILastEventMark lastEventMark) : IListeningGaps
{
    public void TakeOverMissed(bool everyOtherListener)
    {
        if (lastEventMark.TakeOver(everyOtherListener) is { } taken)
        {
            catchUp.Resume(taken.Gaps);
            catchUp.Request(taken.Since);
        }
    }

    public void MissedSince(DateTimeOffset since) => catchUp.Request(since);

    public void Listening() => catchUp.Connected();

    public void StoppedListening()
    {
        catchUp.Abandon();
        lastEventMark.StoppedListening();
    }

    public void HeardUntil(DateTimeOffset at) => lastEventMark.Write(at);
}
