using System.Collections.Concurrent;
using MusicBlazor.Notifications.Bus;
using MusicBlazor.Data.ChangeLog;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>
/// A wall-clock <see cref="PublishClock"/> for a running app: registered as its <see cref="IChangePublisher"/> in
/// front of the real <see cref="ChangeBus"/>, it notes (in <see cref="WallClock"/> Unix milliseconds) when a created
/// album's transaction committed (<see cref="CommitStamp"/>; albums are created one at a time), and the moment the
/// bus finished routing that batch to the circuits. Changes are forwarded unchanged.
/// </summary>
internal sealed class CommitClock : IChangePublisher
{
    private readonly ChangeBus _bus;
    private readonly ConcurrentDictionary<Guid, double> _committed = new();
    private readonly ConcurrentDictionary<Guid, double> _routed = new();

    private readonly CommitStamp _commit;

    public CommitClock(ChangeBus bus, CommitStamp commit)
    {
        _bus = bus;
        _commit = commit;
        _bus.BatchDispatched += batch => Stamp(_routed, batch, WallClock.UnixMs());
    }

    public void Publish(IReadOnlyList<ChangeEvent> changes)
    {
        Stamp(_committed, changes, _commit.Last.UnixMs);
        _bus.Publish(changes);
    }

    /// <summary>When the album's transaction committed (Unix ms).</summary>
    public double CommittedAt(Guid albumId) => _committed.TryGetValue(albumId, out var at) ? at : double.NaN;

    /// <summary>When the bus had routed the album's batch (recipients expanded, offered to every hub), Unix ms.</summary>
    public double RoutedAt(Guid albumId) => _routed.TryGetValue(albumId, out var at) ? at : double.NaN;

    private static void Stamp(ConcurrentDictionary<Guid, double> stamps, IReadOnlyList<ChangeEvent> changes, double now)
    {
        foreach (var change in changes)
        {
            if (change is { Entity: EntityKind.Album, Operation: ChangeOperation.Created })
            {
                stamps[change.Id] = now;
            }
        }
    }
}
