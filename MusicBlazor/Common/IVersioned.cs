namespace MusicBlazor.Common;

/// <summary>
/// A row edited in forms. <see cref="Version"/> is its concurrency token: every save gives it a new value (see
/// <c>AuditStampInterceptor</c>), and a save that started from an older value is refused instead of silently undoing
/// someone else's change. A Guid, not a database rowversion, so it works the same on every provider.
/// </summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
