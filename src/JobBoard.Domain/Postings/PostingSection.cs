namespace JobBoard.Domain.Postings;

/// <summary>
/// One section of the ad in its place. Text sections carry their own heading and body; structured kinds
/// (summary, lists, compensation, skills) keep the ad's heading and an optional lead-in, and the page fills
/// in the structured content; company boilerplate is referred to by key so an edit reaches every posting.
/// </summary>
public sealed class PostingSection
{
    private PostingSection()
    {
    }

    public SectionKind Kind { get; private set; }

    /// <summary>As written in the ad, including a trailing colon when the heading runs into its text.</summary>
    public string? Heading { get; private set; }

    /// <summary>Paragraphs separated by blank lines.</summary>
    public string? Body { get; private set; }

    public string? CompanySectionKey { get; private set; }

    /// <summary>"Driving is an Essential Function of this Role: Meaning ..." reads as one paragraph.</summary>
    public bool HeadingRunsIn => Kind == SectionKind.Text && Heading is not null && Heading.TrimEnd().EndsWith(':') && Body is not null;

    public static PostingSection Text(string? heading, string? body) =>
        new() { Kind = SectionKind.Text, Heading = Clean(heading), Body = Clean(body) };

    public static PostingSection Structured(SectionKind kind, string? heading, string? body = null)
    {
        if (kind is SectionKind.Text or SectionKind.CompanyBoilerplate)
        {
            throw new ArgumentException($"Use {nameof(Text)} or {nameof(Boilerplate)} for {kind} sections.", nameof(kind));
        }

        return new() { Kind = kind, Heading = Clean(heading), Body = Clean(body) };
    }

    public static PostingSection Boilerplate(string companySectionKey) =>
        new() { Kind = SectionKind.CompanyBoilerplate, CompanySectionKey = companySectionKey };

    /// <summary>The same section for another posting: each posting owns its sections.</summary>
    public static PostingSection Copy(PostingSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return new() { Kind = section.Kind, Heading = section.Heading, Body = section.Body, CompanySectionKey = section.CompanySectionKey };
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
