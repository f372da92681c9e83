using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using MusicBlazor.Data;

namespace MusicBlazor.Subscribers;

/// <summary>
/// How far each background subscriber has come, for pages that show what a subscriber writes (the audit log, the
/// activity feed): on a change, they wait until its subscriber has handled it, then re-read. A runner on this server
/// reports each saved position at once; a subscriber running on another server is seen through its saved position.
/// </summary>
public sealed class SubscriberProgress(IDbContextFactory<MusicDbContext> dbFactory)
{
    /// <summary>How often a waiter re-reads the saved position when no runner on this server reports.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentDictionary<string, long> _known = new();
    private readonly ConcurrentDictionary<string, Lazy<Task>> _reads = new();
    private TaskCompletionSource _moved = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Report(string subscriber, long position)
    {
        _known.AddOrUpdate(subscriber, position, (_, known) => Math.Max(known, position));
        Interlocked.Exchange(ref _moved, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>Whether <paramref name="subscriber"/> handled every change up to <paramref name="sequence"/> within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForAsync(string subscriber, long sequence, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var moved = Volatile.Read(ref _moved).Task;
            if (_known.GetValueOrDefault(subscriber) >= sequence)
            {
                return true;
            }

            if (Stopwatch.GetElapsedTime(started) >= timeout)
            {
                return false;
            }

            if (await Task.WhenAny(moved, Task.Delay(PollInterval, cancellationToken)) != moved)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await ReadSavedAsync(subscriber).WaitAsync(cancellationToken);
            }
        }
    }

    /// <summary>One read of the saved position at a time per subscriber, shared by every waiter (every open page).</summary>
    private Task ReadSavedAsync(string subscriber) => _reads.GetOrAdd(subscriber, name => new Lazy<Task>(() => ReadAsync(name))).Value;

    private async Task ReadAsync(string subscriber)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            if (await db.SubscriberPositions.Where(p => p.Name == subscriber).Select(p => (long?)p.Position).FirstOrDefaultAsync() is { } saved)
            {
                Report(subscriber, saved);
            }
        }
        finally
        {
            _reads.TryRemove(subscriber, out _);
        }
    }
}
