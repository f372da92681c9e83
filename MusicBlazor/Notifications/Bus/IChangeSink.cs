using MusicBlazor.Data.ChangeLog;

namespace MusicBlazor.Notifications.Bus;

/// <summary>A receiver attached to the <see cref="ChangeBus"/>: in the app, one per circuit (its notification hub).</summary>
public interface IChangeSink
{
    /// <summary>A change of a topic this sink listens to. Must not block: called on the bus's dispatch loop.</summary>
    void Offer(ChangeEvent change, Topic topic);

    /// <summary>Changes for this sink may have been lost; it must catch up from the log, or re-read.</summary>
    void ResyncRequired();
}
