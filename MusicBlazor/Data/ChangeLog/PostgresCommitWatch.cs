namespace MusicBlazor.Data.ChangeLog;

/// <summary>
/// PostgreSQL, for now: polls the log's head (one row, <c>ChangeLogHead</c>). Its numbers become visible in commit
/// order (<see cref="PostgresChangeLogSql"/>), so a higher head means new committed changes. LISTEN/NOTIFY replaces
/// this poll for other servers' commits.
/// </summary>
public sealed class PostgresCommitWatch(ChangeLogReader log) : ICommitWatch
{
    private long _seen = -1;

    public async Task<bool> CommittedSinceLastAskedAsync(CancellationToken cancellationToken = default)
    {
        var head = await log.HeadAsync(cancellationToken);
        var changed = head != _seen;
        _seen = head;
        return changed;
    }
}
