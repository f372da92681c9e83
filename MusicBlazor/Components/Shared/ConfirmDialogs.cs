using MudBlazor;

namespace MusicBlazor.Components.Shared;

public static class ConfirmDialogs
{
    /// <summary>Asks before destroying data; true only when the user chose "Delete".</summary>
    public static async Task<bool> ConfirmDeleteAsync(this IDialogService dialogs, string title, string message) =>
        await dialogs.ShowMessageBoxAsync(
            new MessageBoxOptions { Title = title, Message = message, YesText = "Delete", CancelText = "Cancel" },
            new DialogOptions { CloseOnEscapeKey = true, MaxWidth = MaxWidth.ExtraSmall, FullWidth = true }) == true;
}
