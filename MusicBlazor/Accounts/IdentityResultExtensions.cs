using Microsoft.AspNetCore.Identity;

namespace MusicBlazor.Accounts;

public static class IdentityResultExtensions
{
    /// <summary>Turns a failed Identity operation into an exception carrying Identity's own descriptions.</summary>
    public static void ThrowIfFailed(this IdentityResult result, string? operation = null)
    {
        if (!result.Succeeded)
        {
            var errors = string.Join(" ", result.Errors.Select(e => e.Description));
            throw new InvalidOperationException(operation is null ? errors : $"{operation}: {errors}");
        }
    }
}
