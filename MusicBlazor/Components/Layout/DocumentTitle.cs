namespace MusicBlazor.Components.Layout;

/// <summary>
/// The browser tab title of one circuit: the page's own title, prefixed with the unread notification count,
/// e.g. "(2) Artists · MusicBlazor". Pages set <see cref="Page"/> (via AppTitle); the notifications panel sets
/// <see cref="UnreadCount"/>; TitleOutlet renders the result.
/// </summary>
public sealed class DocumentTitle
{
    private string? _page;
    private int _unreadCount;

    public event Action? Changed;

    public string? Page
    {
        get => _page;
        set => Set(ref _page, value);
    }

    public int UnreadCount
    {
        get => _unreadCount;
        set => Set(ref _unreadCount, value);
    }

    public string Text
    {
        get
        {
            var title = string.IsNullOrEmpty(Page) ? "MusicBlazor" : $"{Page} · MusicBlazor";
            return UnreadCount > 0 ? $"({UnreadCount}) {title}" : title;
        }
    }

    private void Set<T>(ref T field, T value)
    {
        if (!EqualityComparer<T>.Default.Equals(field, value))
        {
            field = value;
            Changed?.Invoke();
        }
    }
}
