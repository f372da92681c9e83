using Microsoft.AspNetCore.Components.Server.Circuits;

namespace MusicBlazor.Notifications.Hub;

/// <summary>After a lost connection comes back, the circuit's hub catches up from the change log.</summary>
internal sealed class NotificationCircuitHandler(NotificationHub hub) : CircuitHandler
{
    private bool _wasDown;

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _wasDown = true;
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (_wasDown)
        {
            _wasDown = false;
            hub.RequestCatchUp();
        }

        return Task.CompletedTask;
    }
}
