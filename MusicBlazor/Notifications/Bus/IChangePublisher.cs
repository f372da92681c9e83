using MusicBlazor.Data.ChangeLog;

namespace MusicBlazor.Notifications.Bus;

/// <summary>Receives committed changes in sequence order. Implementations must not throw and must not block the caller.</summary>
public interface IChangePublisher
{
    void Publish(IReadOnlyList<ChangeEvent> changes);
}
