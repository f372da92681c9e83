namespace MusicBlazor.Accounts;

/// <summary>A circuit's authentication that can be checked against the database now, not only on its periodic timer.</summary>
public interface IAuthenticationRevalidation
{
    /// <summary>Signs the circuit out when its account is gone or its security stamp changed (role change, lock).</summary>
    Task RevalidateNowAsync(CancellationToken cancellationToken = default);
}
