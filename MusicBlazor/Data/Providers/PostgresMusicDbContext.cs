using Microsoft.EntityFrameworkCore;
using MusicBlazor.Catalog;
using MusicBlazor.Data.ChangeLog;

namespace MusicBlazor.Data.Providers;

/// <summary>
/// <see cref="MusicDbContext"/> on PostgreSQL. A type of its own so that its migrations (Data/Migrations/Postgres)
/// are told apart from SQLite's, as EF Core's "migrations with multiple providers" pattern does it. The rest of the
/// app only sees <see cref="MusicDbContext"/>.
/// </summary>
public sealed class PostgresMusicDbContext(DbContextOptions<PostgresMusicDbContext> options) : MusicDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("pg_trgm");

        var artist = builder.Entity<Artist>();
        // Byte order, as SQLite compares text: the name sort and its index then agree on both providers.
        artist.Property(a => a.SearchName).UseCollation("C");
        // Substring search (LIKE '%term%') through trigrams; see Catalog/ArtistSearchSql.cs.
        artist.HasIndex(a => a.SearchName, "IX_Artists_SearchName_Trigram").HasMethod("gin").HasOperators("gin_trgm_ops");

        // Numbered by the log function under the log's lock (migration PostgresChangeLog), not by an identity column.
        var log = builder.Entity<ChangeEvent>();
        log.Property(e => e.Sequence).ValueGeneratedNever();
        log.Property(e => e.At).HasDefaultValueSql("clock_timestamp()");
    }
}
