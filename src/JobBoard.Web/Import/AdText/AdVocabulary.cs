using System.Text;
using System.Text.RegularExpressions;
using JobBoard.Domain.Postings;

namespace JobBoard.Web.Import.AdText;

/// <summary>What a section heading says its section holds.</summary>
public enum AdHeadingKind
{
    Text,
    Summary,
    Responsibilities,
    Essential,
    Desirable,
    Compensation,
    Skills,
    Categories,
    CompanyAbout,
    JobInformation,
}

/// <summary>The field a "Label: value" line (or a job site's label) fills.</summary>
public enum AdLabel
{
    Title,
    Company,
    Location,
    WorkMode,
    Posted,
    Closing,
    EmploymentType,
    Experience,
    Seniority,
    CompanySize,
    Visa,
    Relocation,
    Language,
    Hours,
    Salary,
    Reference,
    CoreResponsibilities,
    Categories,
    Skills,
}

/// <summary>
/// The words ads and job sites use for headings, labels, their own page furniture, seniority and languages, read from
/// <c>ad-vocabulary.tsv</c> (embedded): a new heading or label is a line in that file, not code.
/// </summary>
public sealed partial class AdVocabulary
{
    private const string ResourceName = "JobBoard.Web.Import.AdText.ad-vocabulary.tsv";

    private static readonly Lazy<AdVocabulary> Embedded = new(Load);

    private readonly List<(AdHeadingKind Kind, string Phrase)> _headings = [];
    private readonly Dictionary<string, AdLabel> _labels = new(StringComparer.Ordinal);
    private readonly HashSet<string> _siteLines = new(StringComparer.Ordinal);
    private readonly HashSet<string> _tailHeadings = new(StringComparer.Ordinal);
    private readonly List<(Seniority Level, string Phrase)> _seniorities = [];
    private readonly Dictionary<string, string> _languages = new(StringComparer.Ordinal);

    public static AdVocabulary Default => Embedded.Value;

    /// <summary>Labels longest first, so that "job location" is tried before "location".</summary>
    public IReadOnlyList<(string Phrase, AdLabel Label)> LabelsLongestFirst { get; private set; } = [];

    public static AdVocabulary Parse(TextReader reader)
    {
        var vocabulary = new AdVocabulary();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length != 3 || parts[2].Length == 0)
            {
                throw new InvalidDataException($"ad-vocabulary.tsv line {number}: expected group, key and phrase separated by tabs.");
            }

            var phrase = Key(parts[2]);
            switch (parts[0])
            {
                case "heading":
                    vocabulary._headings.Add((Enum.Parse<AdHeadingKind>(parts[1]), phrase));
                    break;
                case "label":
                    vocabulary._labels[phrase] = Enum.Parse<AdLabel>(parts[1]);
                    break;
                case "site" when parts[1] == "line":
                    vocabulary._siteLines.Add(phrase);
                    break;
                case "site" when parts[1] == "tail":
                    vocabulary._tailHeadings.Add(phrase);
                    break;
                case "seniority":
                    vocabulary._seniorities.Add((Enum.Parse<Seniority>(parts[1]), phrase));
                    break;
                case "language":
                    vocabulary._languages[phrase] = parts[1];
                    break;
                default:
                    throw new InvalidDataException($"ad-vocabulary.tsv line {number}: unknown group \"{parts[0]}\".");
            }
        }

        vocabulary.LabelsLongestFirst = [.. vocabulary._labels.OrderByDescending(l => l.Key.Length).Select(l => (l.Key, l.Value))];
        return vocabulary;
    }

    /// <summary>
    /// The kind of section a heading opens: a phrase it equals (<paramref name="exact"/>), else the first kind with a
    /// phrase inside it; null when the vocabulary does not know it.
    /// </summary>
    public AdHeadingKind? HeadingKind(string heading, out bool exact)
    {
        exact = false;
        var key = Key(heading);
        if (key.Length == 0)
        {
            return null;
        }

        foreach (var (kind, phrase) in _headings)
        {
            if (phrase == key)
            {
                exact = true;
                return kind;
            }
        }

        var padded = $" {key} ";
        foreach (var (kind, phrase) in _headings)
        {
            if (padded.Contains($" {phrase} ", StringComparison.Ordinal))
            {
                return kind;
            }
        }

        return null;
    }

    public AdHeadingKind? HeadingKind(string heading) => HeadingKind(heading, out _);

    public AdLabel? Label(string text) => _labels.TryGetValue(Key(text), out var label) ? label : null;

    public bool IsSiteLine(string line) => _siteLines.Contains(Key(line));

    public bool IsTailHeading(string line) => _tailHeadings.Contains(Key(line));

    /// <summary>The level a title's words name ("Director lead" is a director); null when none does.</summary>
    public Seniority? SeniorityOf(string title)
    {
        var padded = $" {Key(title).Replace('/', ' ').Replace(',', ' ').Replace('.', ' ')} ";
        foreach (var (level, phrase) in _seniorities)
        {
            if (padded.Contains($" {phrase} ", StringComparison.Ordinal))
            {
                return level;
            }
        }

        return null;
    }

    /// <summary>The English name of a language written in another language ("Deutschkenntnisse" is German).</summary>
    public string? LanguageNamed(string word) => _languages.GetValueOrDefault(Key(word));

    /// <summary>
    /// How phrases are compared: lower case, curly quotes straight, runs of spaces single, without leading symbols
    /// (emoji, bullets, markdown '#' and '*') or a trailing ':' or '?'.
    /// </summary>
    public static string Key(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            var folded = c switch
            {
                '’' or '‘' or '`' or '´' => '\'',
                '\u00a0' or '\t' => ' ',
                _ => char.ToLowerInvariant(c),
            };
            if (folded == ' ' && (builder.Length == 0 || builder[^1] == ' '))
            {
                continue;
            }

            builder.Append(folded);
        }

        return LeadingSymbols().Replace(builder.ToString(), string.Empty).TrimEnd(' ', ':', '?', '*', '_').Trim();
    }

    private static AdVocabulary Load()
    {
        using var stream = typeof(AdVocabulary).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader);
    }

    // Anything before the first letter or digit that is not a quote or bracket: emoji, bullets, '#', '*', '_'.
    [GeneratedRegex(@"^[^\p{L}\p{N}'""(\[]+")]
    private static partial Regex LeadingSymbols();
}
