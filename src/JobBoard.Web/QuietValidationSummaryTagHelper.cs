using Microsoft.AspNetCore.Razor.TagHelpers;

namespace JobBoard.Web;

/// <summary>
/// Leaves out a validation summary with nothing to say. The framework's summary then holds an empty
/// <c>&lt;li style="display:none"&gt;</c> for client-side validation, which the board does not use; the Content Security
/// Policy refuses that inline style, so the browser logged an error and showed an empty red bullet on every form.
/// </summary>
[HtmlTargetElement("div", Attributes = "asp-validation-summary")]
public sealed class QuietValidationSummaryTagHelper : TagHelper
{
    /// <summary>After the framework's own tag helper, which fills the summary.</summary>
    public override int Order => int.MaxValue;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output.PostContent.GetContent().Contains("display:none", StringComparison.Ordinal))
        {
            output.SuppressOutput();
        }
    }
}
