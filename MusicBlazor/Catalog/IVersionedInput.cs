namespace MusicBlazor.Catalog;

/// <summary>A form's input that names the version of the record it started from (see <c>StaleEdits</c>).</summary>
public interface IVersionedInput
{
    Guid? Version { get; set; }
}
