using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace JobBoard.Web.Moderation;

/// <summary>
/// The checks every free-text field of the moderation forms needs before a domain method sees it: present when
/// required, not longer than its column, and no control characters (line breaks and tabs are text).
/// </summary>
public static class FormText
{
    /// <summary>The trimmed text, or null with a message for <paramref name="key"/> in <paramref name="modelState"/>.</summary>
    public static string? Check(ModelStateDictionary modelState, string key, string? value, int maxLength, string? requiredMessage = null)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (requiredMessage is not null)
            {
                modelState.AddModelError(key, requiredMessage);
            }

            return null;
        }

        if (text.Length > maxLength)
        {
            modelState.AddModelError(key, $"Keep it to {maxLength:N0} characters; this is {text.Length:N0}.");
            return null;
        }

        if (Domain.Common.PlainText.HasControlCharacters(text))
        {
            modelState.AddModelError(key, "Remove the control characters from this text.");
            return null;
        }

        return text;
    }

    /// <summary>The domain's errors on the form: a field's own under <paramref name="fieldKeys"/>, any other at the top.</summary>
    public static void AddErrors(ModelStateDictionary modelState, Domain.Common.Result result, IReadOnlyDictionary<string, string>? fieldKeys = null)
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(fieldKeys?.GetValueOrDefault(error.Field) ?? string.Empty, error.Message);
        }
    }
}
