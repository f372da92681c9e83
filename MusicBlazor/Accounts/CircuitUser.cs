using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using MusicBlazor.Data;

namespace MusicBlazor.Accounts;

/// <summary>
/// Who is signed in on this circuit, decided here once for everything live in it (the notification hub, the panel).
/// It follows the circuit's authentication state, and closes when an admin locks the account or it is deleted, which
/// the hub reports as it happens (<see cref="RevalidateAsync"/>) rather than at the next periodic revalidation.
/// </summary>
public sealed class CircuitUser : IDisposable
{
    private readonly AuthenticationStateProvider _authentication;
    private readonly IDbContextFactory<MusicDbContext> _dbFactory;
    private readonly ILogger<CircuitUser> _logger;
    private Task? _initialized;

    public CircuitUser(
        AuthenticationStateProvider authentication, IDbContextFactory<MusicDbContext> dbFactory, ILogger<CircuitUser> logger)
    {
        _authentication = authentication;
        _dbFactory = dbFactory;
        _logger = logger;
        _authentication.AuthenticationStateChanged += OnAuthenticationStateChanged;
    }

    public Guid? UserId { get; private set; }

    /// <summary>Raised when <see cref="UserId"/> changes: signed in or out, or the account closed.</summary>
    public event Action? Changed;

    public Task InitializeAsync() => _initialized ??= ResolveAsync(_authentication.GetAuthenticationStateAsync());

    /// <summary>Checks the account in the database; one an admin locked or deleted signs this circuit's live views out.</summary>
    public async Task RevalidateAsync(CancellationToken cancellationToken = default)
    {
        if (UserId is not { } userId)
        {
            return;
        }

        try
        {
            await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
            var account = await db.Users.Where(u => u.Id == userId).Select(u => new { u.LockoutEnd }).SingleOrDefaultAsync(cancellationToken);
            if (account is null || AccountLock.IsClosedByAdmin(account.LockoutEnd))
            {
                Set(null);
            }

            // A role change or lock also changed the account's security stamp: the circuit's pages sign out now.
            if (_authentication is IAuthenticationRevalidation revalidation)
            {
                await revalidation.RevalidateNowAsync(cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A busy database must not end this circuit's deliveries; the periodic revalidation will catch up.
            _logger.LogWarning(ex, "Checking the account of a circuit's user failed; it stays signed in for now");
        }
    }

    private async Task ResolveAsync(Task<AuthenticationState> state) => Set(Actor.FromPrincipal((await state).User).UserId);

    private async void OnAuthenticationStateChanged(Task<AuthenticationState> state)
    {
        try
        {
            Set(Actor.FromPrincipal((await state).User).UserId);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Applying an authentication state change to the circuit's user failed");
        }
    }

    private void Set(Guid? userId)
    {
        if (userId != UserId)
        {
            UserId = userId;
            Changed?.Invoke();
        }
    }

    public void Dispose() => _authentication.AuthenticationStateChanged -= OnAuthenticationStateChanged;
}
