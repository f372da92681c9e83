using MusicBlazor.Notifications.Changes;

namespace MusicBlazor.Notifications.Bus;

/// <summary>A receiver attached to the <see cref="ChangeBus"/>: in the app, one per circuit (its notification hub).</summary>
public interface IChangeSink
{
    /// <summary>The signed-in user whose notification and account events this sink receives; null receives none.</summary>
    Guid? UserId { get; }

    /// <summary>Whether catalog changes (artists, albums, tracks, follows) are wanted at all.</summary>
    bool WantsCatalogChanges { get; }

    /// <summary>Must not block: called on the bus's dispatch loop for every sink an event is routed to.</summary>
    void Offer(ChangeEvent change);

    /// <summary>Events for this sink were lost; it must re-read what it shows from the database.</summary>
    void ResyncRequired();
}
