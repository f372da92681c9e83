using Microsoft.EntityFrameworkCore;
using MusicBlazor.Common;

namespace MusicBlazor.Catalog;

/// <summary>
/// Optimistic concurrency for the catalog's edit forms, written once for artists and albums. A save names the version
/// it started from; it is refused when the row has moved on since, both when the service reads the row and, for a
/// save that raced another between that read and its own write, by the version in the UPDATE's WHERE clause.
/// </summary>
internal static class StaleEdits
{
    /// <summary>Refuses the save when <paramref name="row"/>, as just read, is no longer at <paramref name="expected"/>.
    /// Otherwise the UPDATE checks the version it read (a concurrency token), which catches a save in between.</summary>
    public static void Expect<TInput>(IVersioned row, Guid? expected, string what, Func<TInput> current)
    {
        if (expected is { } version && version != row.Version)
        {
            throw new EditConflictException<TInput>(what, current());
        }
    }

    /// <summary>Saves; a save that lost the race becomes the same conflict, with the row as the winner left it.</summary>
    public static async Task SaveAsync<TInput>(string what, Func<Task> save, Func<Task<TInput?>> current)
        where TInput : class
    {
        try
        {
            await save();
        }
        catch (SaveFailedException ex) when (ex.InnerException is DbUpdateConcurrencyException)
        {
            throw new EditConflictException<TInput>(what, await current() ?? throw new NotFoundException($"This {what} no longer exists."));
        }
    }
}
