using Microsoft.AspNetCore.Identity;
using MusicBlazor.Common;

namespace MusicBlazor.Accounts;

public static class IdentityResultExtensions
{
    /// <summary>Turns a failed Identity operation into a refusal carrying Identity's own descriptions.</summary>
    public static void ThrowIfFailed(this IdentityResult result, string? operation = null)
    {
        if (!result.Succeeded)
        {
            var errors = string.Join(" ", result.Errors.Select(e => e.Description));
            throw new ActionRefusedException(operation is null ? errors : $"{operation}: {errors}");
        }
    }
}
