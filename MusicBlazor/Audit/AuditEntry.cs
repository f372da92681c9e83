using MusicBlazor.Data.ChangeLog;

namespace MusicBlazor.Audit;

/// <summary>
/// One audited change, written by <see cref="AuditTrail"/> from the change log and keyed by the log's sequence, so a
/// replay writes nothing twice. <see cref="Changes"/> holds the fields the triggers captured at write time, as a JSON
/// object of <c>[old, new]</c> pairs; old values cannot be read back later.
/// </summary>
public sealed class AuditEntry
{
    public const int ActorMaxLength = 256;
    public const int SubjectMaxLength = 300;

    public long Sequence { get; init; }
    public DateTime At { get; init; }

    /// <summary>Null for a write from outside the app (raw SQL, another program).</summary>
    public Guid? ActorId { get; init; }

    /// <summary>Who, as they were named when the change was audited (an account may be deleted later).</summary>
    public required string Actor { get; init; }

    public EntityKind Entity { get; init; }
    public ChangeOperation Operation { get; init; }
    public Guid EntityId { get; init; }

    /// <summary>What, in words: the artist's or album's name, the track and its album, the account's e-mail.</summary>
    public required string Subject { get; init; }

    public string? Changes { get; init; }

    /// <summary>A maintenance write (suppressed from live delivery), such as the demo data.</summary>
    public bool Maintenance { get; init; }
}
