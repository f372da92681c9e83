using Microsoft.EntityFrameworkCore;
using MusicBlazor.Accounts;
using MusicBlazor.Catalog;
using MusicBlazor.Data;
using MusicBlazor.Data.ChangeLog;

namespace MusicBlazor.Audit;

/// <summary>What the Audit log page asks for: one kind of record, one user's actions (part of their e-mail), a range of days (UTC).</summary>
public sealed record AuditFilter(EntityKind? Entity = null, string? Actor = null, DateOnly? From = null, DateOnly? To = null)
{
    public const int ActorMaxLength = 256;

    public static IReadOnlyList<EntityKind> Entities { get; } =
        [EntityKind.Artist, EntityKind.Album, EntityKind.Track, EntityKind.Follow, EntityKind.User];
}

public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Reads the audit trail, newest first, for admins only (refused here, not only by the page).</summary>
public sealed class AuditLog(IDbContextFactory<MusicDbContext> dbFactory, ICurrentActor currentActor)
{
    public const int PageSize = 25;

    public async Task<AuditPage> ReadAsync(AuditFilter filter, int page, CancellationToken cancellationToken = default)
    {
        CatalogPolicy.Demand(CatalogPolicy.CanReadAuditLog(await currentActor.ForWriteAsync(cancellationToken)), "read the audit log");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = Filtered(db.AuditEntries.AsNoTracking(), filter);
        var total = await entries.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await entries.OrderByDescending(e => e.Sequence).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new AuditPage(rows, total, page, PageSize);
    }

    private static IQueryable<AuditEntry> Filtered(IQueryable<AuditEntry> entries, AuditFilter filter)
    {
        if (filter.Entity is { } entity)
        {
            entries = entries.Where(e => e.Entity == entity);
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim().ToLowerInvariant();
            entries = entries.Where(e => e.Actor.ToLower().Contains(actor));
        }

        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(e => e.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(e => e.At < end);
        }

        return entries;
    }
}
