using System.ComponentModel.DataAnnotations;

namespace JobBoard.Web.Accounts;

/// <summary>A one-line text field: no control characters (NUL, line breaks, escapes), which no name or address has.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SingleLineAttribute : ValidationAttribute
{
    public SingleLineAttribute()
        : base("{0} cannot contain control characters or line breaks.")
    {
    }

    public override bool IsValid(object? value) => value is not string text || !Domain.Common.PlainText.HasControlCharacters(text, multiline: false);
}
