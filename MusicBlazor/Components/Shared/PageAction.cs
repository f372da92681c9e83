using MudBlazor;
using MusicBlazor.Common;

namespace MusicBlazor.Components.Shared;

/// <summary>
/// One user action of a page (follow, save, delete…): busy while it runs, then success or a clear error through the
/// snackbar. Refusals and failures the user can act on arrive as <see cref="DomainException"/>s; anything else is a
/// bug and reaches the circuit's error UI.
/// </summary>
public sealed class PageAction(ISnackbar snackbar)
{
    public bool Busy { get; private set; }

    /// <summary>The last failure, for pages that also show it next to what failed.</summary>
    public string? Error { get; private set; }

    /// <returns>True when the action succeeded.</returns>
    public async Task<bool> RunAsync(Func<Task> action, string failure, string? success = null, Func<DomainException, Task>? onFailure = null)
    {
        Busy = true;
        Error = null;
        try
        {
            await action();
            if (success is not null)
            {
                snackbar.Add(success, Severity.Success);
            }

            return true;
        }
        catch (DomainException ex)
        {
            Error = $"{failure}: {ex.Message}";
            snackbar.Add(Error, Severity.Error);
            if (onFailure is not null)
            {
                await onFailure(ex);
            }

            return false;
        }
        finally
        {
            Busy = false;
        }
    }
}
