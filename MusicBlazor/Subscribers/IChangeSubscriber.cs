using MusicBlazor.Data.ChangeLog;

namespace MusicBlazor.Subscribers;

/// <summary>
/// A durable reader of the change log that runs outside any request: an audit trail, an activity feed, e-mail,
/// metrics. It has a position of its own in the database and is fed every committed change after it, in sequence
/// order, by <see cref="SubscriberHost"/>. Delivery is at least once (a crash replays the changes after the last saved
/// position), so <see cref="HandleAsync"/> must be idempotent, keyed by <see cref="ChangeEvent.Sequence"/>.
/// </summary>
public interface IChangeSubscriber
{
    /// <summary>The subscriber's durable identity: its position and dead letters are stored under this name.</summary>
    string Name { get; }

    /// <summary>Whether it also receives suppressed changes (maintenance writes, see <see cref="Changes.Suppress"/>).</summary>
    bool ReceivesSuppressed => false;

    /// <summary>Handles one change; a throw is retried with backoff and, after the last attempt, dead-lettered.</summary>
    Task HandleAsync(ChangeEvent change, CancellationToken cancellationToken);
}
