using CrmBlazor.Domain.Common;
using CrmBlazor.Localization;

namespace CrmBlazor.Common;

/// <summary>
/// The one way a component runs what the user asked for (a dialog's save, a button's action):
/// <list type="bullet">
/// <item>one run at a time: <see cref="Busy"/> disables the button, and a second click while it runs does nothing;</item>
/// <item>a rule the user broke (<see cref="DomainException"/>) is shown at its input (<see cref="FieldErrors"/>, when the
/// form shows them) or as <see cref="Error"/>;</item>
/// <item>a colleague's save in between (<see cref="ConcurrencyConflictException"/>) is told as such: <see cref="Conflict"/>,
/// its message in <see cref="Error"/>, never at an input;</item>
/// <item>any other exception is not caught: it reaches the circuit's error handling like any exception of an event handler.</item>
/// </list>
/// </summary>
public sealed class FormSubmission
{
    private readonly bool _showsFieldErrors;

    private FormSubmission(bool showsFieldErrors) => _showsFieldErrors = showsFieldErrors;

    /// <summary>A form whose inputs show their own errors; an error that belongs to no input goes to <see cref="Error"/>.</summary>
    public static FormSubmission WithFieldErrors() => new(showsFieldErrors: true);

    /// <summary>A dialog or action that shows any refusal as one message.</summary>
    public static FormSubmission MessageOnly() => new(showsFieldErrors: false);

    public bool Busy { get; private set; }

    /// <summary>The last run's refusal, translated, unless it went to <see cref="FieldErrors"/>.</summary>
    public string? Error { get; private set; }

    /// <summary>Whether the last run was refused because someone else changed the record first.</summary>
    public bool Conflict { get; private set; }

    public FieldErrorMap FieldErrors { get; } = new();

    /// <summary>
    /// Runs <paramref name="work"/> unless a run is under way; returns whether it went through. A refusal's message also
    /// goes to <paramref name="showError"/> when given (a snackbar, for actions outside a form).
    /// </summary>
    public async Task<bool> RunAsync(Text text, Func<Task> work, Action<string>? showError = null)
    {
        if (Busy) return false;
        Busy = true;
        Clear();
        try
        {
            await work();
            return true;
        }
        catch (DomainException refusal)
        {
            Conflict = refusal is ConcurrencyConflictException;
            if (Conflict || !_showsFieldErrors || !FieldErrors.TryTake(refusal, text))
            {
                Error = text.Message(refusal);
                showError?.Invoke(Error);
            }
            return false;
        }
        finally
        {
            Busy = false;
        }
    }

    /// <summary>Forgets the last refusal (a form reloaded, the user started over).</summary>
    public void Clear()
    {
        Error = null;
        Conflict = false;
        FieldErrors.Clear();
    }
}
