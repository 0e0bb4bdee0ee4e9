using System.Globalization;
using Bunit;
using CrmBlazor.Common;
using CrmBlazor.Domain.Common;
using CrmBlazor.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Tests.Components.Common;

/// <summary>The one way a component submits a form: busy, refusals where the user looks, conflicts told, the rest left to the circuit.</summary>
public class FormSubmissionTests : BunitContext
{
    public FormSubmissionTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        Services.AddSingleton<Text>();
    }

    [Fact]
    public async Task While_a_save_runs_its_button_is_disabled_and_a_second_click_saves_nothing_more()
    {
        var form = Render<TestForm>();
        var save = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        form.Instance.Work = () => save.Task;

        var first = form.Find("#save").ClickAsync(new());
        form.WaitForAssertion(() => Assert.True(form.Find("#save").HasAttribute("disabled")));
        // A second click that reaches the handler anyway (double click before the render) is dropped.
        await form.InvokeAsync(form.Instance.SaveAsync);
        Assert.Equal(1, form.Instance.Runs);

        save.SetResult();
        await first;

        form.WaitForAssertion(() => Assert.False(form.Find("#save").HasAttribute("disabled")));
        Assert.Equal(1, form.Instance.Runs);
        Assert.Equal([false, true], form.Instance.Outcomes); // the dropped click, then the save
    }

    [Fact]
    public async Task NF_3_a_refusal_about_an_input_is_shown_at_that_input_and_not_as_the_form_message()
    {
        var form = Render<TestForm>();
        form.Instance.Work = () => throw ValidationFailedException.For("Name", "Error.Required");

        await form.Find("#save").ClickAsync(new());

        form.WaitForAssertion(() => Assert.Equal("This field is required.", form.Find("#name-error").TextContent));
        Assert.Empty(form.FindAll("#form-error"));
        Assert.Equal([false], form.Instance.Outcomes);
    }

    [Fact]
    public async Task NF_3_a_refusal_about_no_input_is_the_form_message_and_the_next_save_clears_it()
    {
        var form = Render<TestForm>();
        form.Instance.Work = () => throw new DomainException("Error.DocumentNotDraft");

        await form.Find("#save").ClickAsync(new());

        form.WaitForAssertion(() => Assert.Equal("Only a draft can be changed or issued.", form.Find("#form-error").TextContent));

        form.Instance.Work = () => Task.CompletedTask;
        await form.Find("#save").ClickAsync(new());

        form.WaitForAssertion(() => Assert.Empty(form.FindAll("#form-error")));
        Assert.Equal([false, true], form.Instance.Outcomes);
    }

    [Fact]
    public async Task NF_3_a_form_without_inputs_for_errors_shows_an_input_refusal_as_its_message()
    {
        var form = Render<TestForm>(p => p.Add(f => f.MessageOnly, true));
        form.Instance.Work = () => throw new DomainException("Error.Required", "Name");

        await form.Find("#save").ClickAsync(new());

        form.WaitForAssertion(() => Assert.Equal("This field is required.", form.Find("#form-error").TextContent));
        Assert.Empty(form.FindAll("#name-error"));
    }

    [Fact]
    public async Task A_colleagues_save_in_between_is_explained_as_such_and_never_put_at_an_input()
    {
        var form = Render<TestForm>();
        form.Instance.Work = () => throw new ConcurrencyConflictException("Error.DocumentConcurrentEdit");

        await form.Find("#save").ClickAsync(new());

        form.WaitForAssertion(() => Assert.Equal("Someone else changed this document meanwhile. Reload it and try again.", form.Find("#form-error").TextContent));
        Assert.NotEmpty(form.FindAll("#form-conflict"));
        Assert.Empty(form.FindAll("#name-error"));
    }

    [Fact]
    public async Task An_action_outside_a_form_hands_its_refusal_to_where_it_shows_messages()
    {
        var form = Render<TestForm>();
        var shown = new List<string>();
        var action = FormSubmission.MessageOnly();

        var done = await form.InvokeAsync(() => action.RunAsync(Services.GetRequiredService<Text>(), () => throw new DomainException("Error.DocumentNotDraft"), shown.Add));

        Assert.False(done);
        Assert.Equal(["Only a draft can be changed or issued."], shown);
    }

    [Fact]
    public async Task An_unexpected_failure_is_not_caught_it_reaches_the_circuit_and_the_button_is_usable_again()
    {
        var form = Render<TestForm>();
        form.Instance.Work = () => throw new InvalidOperationException("database gone");

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => form.Find("#save").ClickAsync(new()));

        Assert.Equal("database gone", thrown.Message);
        Assert.False(form.Instance.Submission.Busy);
        Assert.Null(form.Instance.Submission.Error);
    }

    /// <summary>A form the way the app's dialogs write one: a field with its error, the form message, a save button.</summary>
    private sealed class TestForm : ComponentBase
    {
        [Inject] private Text T { get; set; } = default!;
        [Parameter] public bool MessageOnly { get; set; }

        public FormSubmission Submission { get; private set; } = FormSubmission.WithFieldErrors();
        public Func<Task> Work { get; set; } = () => Task.CompletedTask;
        public int Runs { get; private set; }
        public List<bool> Outcomes { get; } = [];

        protected override void OnInitialized()
        {
            if (MessageOnly) Submission = FormSubmission.MessageOnly();
        }

        public async Task SaveAsync() => Outcomes.Add(await Submission.RunAsync(T, () =>
        {
            Runs++;
            return Work();
        }));

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            if (Submission.Error is { } error)
            {
                builder.OpenElement(0, "p");
                builder.AddAttribute(1, "id", "form-error");
                builder.AddContent(2, error);
                builder.CloseElement();
            }
            if (Submission.Conflict)
            {
                builder.OpenElement(3, "span");
                builder.AddAttribute(4, "id", "form-conflict");
                builder.CloseElement();
            }
            if (Submission.FieldErrors.For("Name") is { } nameError)
            {
                builder.OpenElement(5, "span");
                builder.AddAttribute(6, "id", "name-error");
                builder.AddContent(7, nameError);
                builder.CloseElement();
            }
            builder.OpenElement(8, "button");
            builder.AddAttribute(9, "id", "save");
            builder.AddAttribute(10, "disabled", Submission.Busy);
            builder.AddAttribute(11, "onclick", EventCallback.Factory.Create(this, SaveAsync));
            builder.CloseElement();
        }
    }
}
