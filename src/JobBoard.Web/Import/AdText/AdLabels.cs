using System.Text.RegularExpressions;
using JobBoard.Domain.Places;

namespace JobBoard.Web.Import.AdText;

/// <summary>A label and its value as a line of the ad gives them; the value is empty when it is on the next lines.</summary>
public sealed record LabelledValue(AdLabel Label, string LabelText, string Value);

/// <summary>
/// Finds "Label: value" lines ("Location: Bucharest, Romania", "**Salary:** £35,000"), a job site's labels run into
/// their values ("CompanyNovartis", "PostedDecember 11, 2025"), dates after their label ("Posted 2025-10-27"), and in
/// a "Job Information" block, labels on a line of their own ("📋Job Type") with the value below.
/// </summary>
public static partial class AdLabels
{
    public static LabelledValue? In(AdLine line, bool valueMayFollow = false)
    {
        if (line.IsBullet && !valueMayFollow)
        {
            return null;
        }

        var text = line.Text;
        var vocabulary = AdVocabulary.Default;
        if (Colon().Match(text) is { Success: true } colon && vocabulary.Label(colon.Groups["label"].Value) is { } named)
        {
            return new LabelledValue(named, colon.Groups["label"].Value.Trim(), colon.Groups["value"].Value.Trim());
        }

        if (valueMayFollow && vocabulary.Label(text) is { } alone)
        {
            return new LabelledValue(alone, text, string.Empty);
        }

        var start = LeadingSymbols().Match(text).Length;
        foreach (var (phrase, label) in vocabulary.LabelsLongestFirst)
        {
            var end = start + phrase.Length;
            if (text.Length <= end + 1 || string.Compare(text, start, phrase, 0, phrase.Length, StringComparison.OrdinalIgnoreCase) != 0)
            {
                continue;
            }

            var value = text[end..].Trim();
            var runTogether = char.IsLower(text[end - 1]) && (char.IsUpper(text[end]) || char.IsDigit(text[end]));
            var dateAfterSpace = text[end] == ' ' && label is AdLabel.Posted or AdLabel.Closing && AdValues.DateOf(value) is not null;
            if ((runTogether && Reads(label, value)) || dateAfterSpace)
            {
                return new LabelledValue(label, text[start..end], value);
            }
        }

        return null;
    }

    /// <summary>
    /// A job site's label run into its value is trusted only when the value reads as that label's kind of value:
    /// "PayPal" is a company, not a "Pay" of "Pal".
    /// </summary>
    private static bool Reads(AdLabel label, string value) => label switch
    {
        AdLabel.Company or AdLabel.Title or AdLabel.CoreResponsibilities or AdLabel.Reference => value.Length > 0,
        AdLabel.Location => AdPlaces.Read(value).Places.Any(p => p.Precision is PlacePrecision.City or PlacePrecision.Region),
        AdLabel.WorkMode => AdValues.WorkModeOf(value) is not null,
        AdLabel.Posted or AdLabel.Closing => AdValues.DateOf(value) is not null,
        AdLabel.EmploymentType => AdValues.EmploymentTypeOf(value) is not null,
        AdLabel.Experience => AdValues.ExperienceOf(value) is not (null, null, null),
        AdLabel.CompanySize => AdValues.EmployeesOf(value) is not null,
        AdLabel.Visa or AdLabel.Relocation => AdValues.YesNo(value) is not null,
        AdLabel.Hours => AdValues.HoursOf(value) is not null,
        AdLabel.Salary => SalaryText.In(value, null, aboutPay: true) is not null,
        _ => false,
    };

    [GeneratedRegex(@"^[^\p{L}\p{N}]*(?<label>[\p{L}][\p{L}\p{N} /&'’().-]{0,40}?)\s*[:：]\s*(?<value>\S.*)$")]
    private static partial Regex Colon();

    [GeneratedRegex(@"^[^\p{L}\p{N}]*")]
    private static partial Regex LeadingSymbols();
}
