using System.Collections.Concurrent;
using MusicBlazor.Notifications.Bus;
using MusicBlazor.Data.ChangeLog;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>
/// A wall-clock <see cref="PublishClock"/> for a running app: registered as its <see cref="IChangePublisher"/> in
/// front of the real <see cref="ChangeBus"/>, it tells (in <see cref="WallClock"/> Unix milliseconds) when a created
/// album's transaction committed (<see cref="AlbumCommits"/>, keyed by album) and notes the moment the bus finished
/// routing that album's batch to the circuits. Changes are forwarded unchanged.
/// </summary>
/// <remarks>
/// The commit is not read when the batch is published: the app's own interceptor rings the change log's follower at
/// commit, so the follower can publish before the benchmark's interceptor (appended after the app's) has stamped the
/// commit, and "the last commit" would then still be the previous album's.
/// </remarks>
internal sealed class CommitClock : IChangePublisher
{
    private readonly ChangeBus _bus;
    private readonly ConcurrentDictionary<Guid, double> _routed = new();

    private readonly AlbumCommits _commits;

    public CommitClock(ChangeBus bus, AlbumCommits commits)
    {
        _bus = bus;
        _commits = commits;
        _bus.BatchDispatched += batch => Stamp(_routed, batch, WallClock.UnixMs());
    }

    public void Publish(IReadOnlyList<ChangeEvent> changes)
    {
        _bus.Publish(changes);
    }

    /// <summary>When the album's transaction committed (Unix ms).</summary>
    public double CommittedAt(Guid albumId) => _commits.CommittedAt(albumId);

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
