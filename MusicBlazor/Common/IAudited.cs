namespace MusicBlazor.Common;

/// <summary>Stamped on save from the context's actor and clock (see <c>AuditStampInterceptor</c>), never from input.</summary>
public interface IAudited
{
    Guid? CreatedById { get; set; }
    Guid? UpdatedById { get; set; }
    DateTime CreatedAt { get; set; }
    DateTime UpdatedAt { get; set; }
}
