using Microsoft.EntityFrameworkCore;

namespace MusicBlazor.Data.DemoData;

/// <summary>Invented artists, albums and tracks for an empty database. (Placeholder: filled in by the demo data work.)</summary>
public static class DemoCatalog
{
    public static async Task SeedIfEmptyAsync(MusicDbContext db, CancellationToken cancellationToken = default)
    {
        if (await db.Artists.AnyAsync(cancellationToken))
        {
            return;
        }

        var artist = Catalog.Artist.Create("Placeholder");
        db.Artists.Add(artist);
        await db.SaveChangesAsync(cancellationToken);
    }
}
