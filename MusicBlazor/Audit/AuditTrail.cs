using Microsoft.EntityFrameworkCore;
using MusicBlazor.Common;
using MusicBlazor.Data;
using MusicBlazor.Data.ChangeLog;
using MusicBlazor.Subscribers;

namespace MusicBlazor.Audit;

/// <summary>
/// The audit trail: a background subscriber that writes an <see cref="AuditEntry"/> for every create, update and
/// delete of artists, albums, tracks, follows and accounts (roles and locks included), maintenance writes too. An
/// update that changed no audited field (a follower count, a security stamp) is not an entry.
/// </summary>
public sealed class AuditTrail(IDbContextFactory<MusicDbContext> dbFactory) : IChangeSubscriber
{
    public const string SubscriberName = "audit-trail";

    public string Name => SubscriberName;

    public bool ReceivesSuppressed => true;

    public static bool IsAudited(ChangeEvent change) =>
        change.Entity is EntityKind.Artist or EntityKind.Album or EntityKind.Track or EntityKind.Follow or EntityKind.User
        && (change.Operation != ChangeOperation.Updated || change.Fields is not null);

    public async Task HandleAsync(ChangeEvent change, CancellationToken cancellationToken)
    {
        if (!IsAudited(change))
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.AuditEntries.AnyAsync(e => e.Sequence == change.Sequence, cancellationToken))
        {
            return;
        }

        var names = new AuditNames(db, cancellationToken);
        db.AuditEntries.Add(new AuditEntry
        {
            Sequence = change.Sequence,
            At = change.At,
            ActorId = change.ActorId,
            Actor = (await names.ActorAsync(change)).FitTo(AuditEntry.ActorMaxLength),
            Entity = change.Entity,
            Operation = change.Operation,
            EntityId = change.Id,
            Subject = (await names.SubjectAsync(change, FieldChange.Parse(change.Fields))).FitTo(AuditEntry.SubjectMaxLength),
            Changes = change.Fields,
            Maintenance = change.Suppressed,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (SaveFailedException ex) when (ex.IsDuplicate)
        {
            // Another runner wrote it first (a takeover mid-batch): the entry is there once.
        }
    }
}
