using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MusicBlazor.Common;

namespace MusicBlazor.Components.Shared;

/// <summary>
/// Shows the service's own field rules in an <see cref="EditForm"/>: <see cref="Rules"/> runs on submit and on
/// every field change, and <see cref="Show"/> displays errors the service reported (e.g. a duplicate name).
/// </summary>
public sealed class RulesValidator : ComponentBase, IDisposable
{
    private ValidationMessageStore? _messages;
    private EditContext? _editContext;
    private bool _submitted;

    [CascadingParameter]
    private EditContext? CurrentEditContext { get; set; }

    [Parameter, EditorRequired]
    public Func<IReadOnlyList<FieldError>> Rules { get; set; } = default!;

    protected override void OnParametersSet()
    {
        if (CurrentEditContext == _editContext)
        {
            return;
        }

        Detach();
        _editContext = CurrentEditContext ?? throw new InvalidOperationException($"{nameof(RulesValidator)} must be inside an EditForm.");
        _messages = new ValidationMessageStore(_editContext);
        _editContext.OnValidationRequested += OnValidationRequested;
        _editContext.OnFieldChanged += OnFieldChanged;
    }

    public void Show(IEnumerable<FieldError> errors)
    {
        foreach (var error in errors)
        {
            _messages!.Add(new FieldIdentifier(error.Model, error.Field), error.Message);
        }

        _editContext!.NotifyValidationStateChanged();
    }

    private void OnValidationRequested(object? sender, ValidationRequestedEventArgs e)
    {
        _submitted = true;
        Validate();
    }

    // Before the first submit only the touched field is checked, so an untouched form is not covered in red.
    private void OnFieldChanged(object? sender, FieldChangedEventArgs e)
    {
        if (_submitted)
        {
            Validate();
            return;
        }

        _messages!.Clear(e.FieldIdentifier);
        foreach (var error in Rules().Where(r => new FieldIdentifier(r.Model, r.Field).Equals(e.FieldIdentifier)))
        {
            _messages.Add(e.FieldIdentifier, error.Message);
        }

        _editContext!.NotifyValidationStateChanged();
    }

    private void Validate()
    {
        _messages!.Clear();
        Show(Rules());
    }

    private void Detach()
    {
        if (_editContext is not null)
        {
            _editContext.OnValidationRequested -= OnValidationRequested;
            _editContext.OnFieldChanged -= OnFieldChanged;
        }
    }

    public void Dispose() => Detach();
}
