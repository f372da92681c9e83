namespace MusicBlazor.Notifications.Changes;

/// <summary>Receives committed changes. Implementations must not throw and must not block the caller.</summary>
public interface IChangePublisher
{
    void Publish(IReadOnlyList<ChangeEvent> changes);
}
