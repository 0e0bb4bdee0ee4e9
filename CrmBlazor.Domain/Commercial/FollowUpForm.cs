using CrmBlazor.Domain.Common;

namespace CrmBlazor.Domain.Commercial;

/// <summary>What the "Schedule follow-up" and "Edit" dialogs send (COM-1): the date and time as the organisation's clock shows them.</summary>
public sealed class FollowUpForm
{
    public FollowUpKind Kind { get; set; } = FollowUpKind.Call;
    public DateOnly? Date { get; set; }
    public TimeOnly? Time { get; set; }
    public string AssignedUserId { get; set; } = string.Empty;
    public string Notes { get; set; } = string.Empty;

    /// <summary>The rules that need no database; the service adds the salesperson's and the client's.</summary>
    public void Check(FieldErrors errors)
    {
        if (!Enum.IsDefined(Kind)) errors.Add(nameof(Kind), "Error.FollowUpKindInvalid");
        if (Date is null) errors.Add(nameof(Date), "Error.Required");
        if (Time is null) errors.Add(nameof(Time), "Error.Required");
        if ((Notes ?? string.Empty).Trim().Length > FollowUp.NotesMax) errors.Add(nameof(Notes), $"Error.TooLong|{FollowUp.NotesMax}");
    }
}
