using System.Text.Json;
using MusicBlazor.Catalog;
using MusicBlazor.Common;

namespace MusicBlazor.Components.Shared;

/// <summary>
/// An edit form's side of optimistic concurrency: remembers what the form loaded, and when a save is refused as stale
/// (<see cref="EditConflictException{TInput}"/>) says what the other person changed and lets the user either load their
/// version or save their own input over it.
/// </summary>
public sealed class EditConflict<TInput>(Func<TInput, TInput, IReadOnlyList<string>> describe)
    where TInput : class, IVersionedInput
{
    private TInput? _loaded;
    private TInput? _current;

    /// <summary>What changed, while a conflict is shown; null otherwise.</summary>
    public IReadOnlyList<string>? Changes { get; private set; }

    /// <summary>Call with what the form starts editing.</summary>
    public void Loaded(TInput input)
    {
        _loaded = Clone(input);
        (_current, Changes) = (null, null);
    }

    /// <returns>True when <paramref name="exception"/> was a stale save, now shown.</returns>
    public bool TryShow(DomainException exception)
    {
        if (exception is not EditConflictException<TInput> conflict)
        {
            return false;
        }

        _current = conflict.Current;
        Changes = _loaded is null ? [] : describe(_loaded, conflict.Current);
        return true;
    }

    /// <summary>The current record, to edit from now on.</summary>
    public TInput TheirVersion()
    {
        var theirs = Clone(_current!);
        Loaded(theirs);
        return theirs;
    }

    /// <summary>Points <paramref name="mine"/> at the current version, so saving it again overwrites what is there now.</summary>
    public void Overwrite(TInput mine)
    {
        mine.Version = _current!.Version;
        Loaded(_current);
    }

    private static TInput Clone(TInput input) => JsonSerializer.Deserialize<TInput>(JsonSerializer.Serialize(input))!;
}
