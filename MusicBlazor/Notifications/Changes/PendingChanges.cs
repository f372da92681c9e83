namespace MusicBlazor.Notifications.Changes;

/// <summary>
/// One DbContext's changes on their way to the bus. Captured changes are <em>staged</em> while a save runs, then
/// either released at once (no transaction) or held until the explicit transaction commits. Interceptors are
/// shared by every context, so this state lives on the context instance (dotnet/efcore#30103).
/// </summary>
public sealed class PendingChanges
{
    private readonly List<ChangeEvent> _staged = [];
    private readonly List<ChangeEvent> _awaitingCommit = [];

    internal int AwaitingCommitCount => _awaitingCommit.Count;

    internal void Stage(IEnumerable<ChangeEvent> changes) => _staged.AddRange(changes);

    /// <summary>The save succeeded: hand back what may be published now, or hold it for the open transaction.</summary>
    internal IReadOnlyList<ChangeEvent> SaveSucceeded(bool inExplicitTransaction)
    {
        var changes = _staged.ToArray();
        _staged.Clear();
        if (!inExplicitTransaction)
        {
            return changes;
        }

        _awaitingCommit.AddRange(changes);
        return [];
    }

    internal void SaveFailed() => _staged.Clear();

    /// <summary>Writes that bypassed the change tracker (ExecuteUpdate/ExecuteDelete, raw SQL) and already ran.</summary>
    internal IReadOnlyList<ChangeEvent> Executed(IReadOnlyList<ChangeEvent> changes, bool inExplicitTransaction)
    {
        if (!inExplicitTransaction)
        {
            return changes;
        }

        _awaitingCommit.AddRange(changes);
        return [];
    }

    internal IReadOnlyList<ChangeEvent> Committed()
    {
        var changes = _awaitingCommit.ToArray();
        _awaitingCommit.Clear();
        return changes;
    }

    /// <summary>A new transaction starts: anything still held belonged to one that was disposed uncommitted.</summary>
    /// <remarks>Staged changes survive: an implicit transaction starts in the middle of their save.</remarks>
    internal void DiscardAwaitingCommit() => _awaitingCommit.Clear();

    /// <summary>Rollback, failed commit, or disposal of the context.</summary>
    internal void Discard()
    {
        _staged.Clear();
        _awaitingCommit.Clear();
    }
}
