namespace MusicBlazor.Data.ChangeLog;

/// <summary>Cheaply tells the log's follower whether to read the log: how depends on the provider.</summary>
public interface ICommitWatch
{
    /// <summary>Whether anything was committed since the previous call (always true on the first).</summary>
    Task<bool> CommittedSinceLastAskedAsync(CancellationToken cancellationToken = default);
}
