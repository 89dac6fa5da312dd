using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using JobBoard.Domain.Postings;

namespace JobBoard.Loader.BulkLoad;

/// <summary>
/// The <c>requirements</c> and <c>sections</c> jsonb documents as EF Core stores the owned collections mapped with
/// <c>ToJson</c>: an array of objects keyed by the CLR property names, every mapped property present (null when unset),
/// enums by name. jsonb keeps no key order or escaping, so equal content gives equal documents. The UTF-8 text goes to
/// Npgsql as it is, never through a string: one instance per writer, and each document is valid until the next.
/// </summary>
internal sealed class PostingJson : IDisposable
{
    private static readonly JsonEncodedText Importance = JsonEncodedText.Encode(nameof(Requirement.Importance));
    private static readonly JsonEncodedText Text = JsonEncodedText.Encode(nameof(Requirement.Text));
    private static readonly JsonEncodedText Education = JsonEncodedText.Encode(nameof(Requirement.Education));
    private static readonly JsonEncodedText ExperienceYears = JsonEncodedText.Encode(nameof(Requirement.ExperienceYears));
    private static readonly JsonEncodedText ExperienceSubject = JsonEncodedText.Encode(nameof(Requirement.ExperienceSubject));
    private static readonly JsonEncodedText Language = JsonEncodedText.Encode(nameof(Requirement.Language));
    private static readonly JsonEncodedText LanguageProficiency = JsonEncodedText.Encode(nameof(Requirement.LanguageProficiency));
    private static readonly JsonEncodedText Licence = JsonEncodedText.Encode(nameof(Requirement.Licence));
    private static readonly JsonEncodedText TravelPercentMin = JsonEncodedText.Encode(nameof(Requirement.TravelPercentMin));
    private static readonly JsonEncodedText TravelPercentMax = JsonEncodedText.Encode(nameof(Requirement.TravelPercentMax));
    private static readonly JsonEncodedText ResidenceRadiusMiles = JsonEncodedText.Encode(nameof(Requirement.ResidenceRadiusMiles));

    private static readonly JsonEncodedText Kind = JsonEncodedText.Encode(nameof(PostingSection.Kind));
    private static readonly JsonEncodedText Heading = JsonEncodedText.Encode(nameof(PostingSection.Heading));
    private static readonly JsonEncodedText Body = JsonEncodedText.Encode(nameof(PostingSection.Body));
    private static readonly JsonEncodedText CompanySectionKey = JsonEncodedText.Encode(nameof(PostingSection.CompanySectionKey));

    // The text goes into the database, never into a page, so only what JSON itself requires is escaped.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _writer;

    public PostingJson() => _writer = new Utf8JsonWriter(_buffer, Options);

    public void Dispose() => _writer.Dispose();

    public ReadOnlyMemory<byte> Requirements(IReadOnlyList<Requirement> requirements)
    {
        var writer = Start();
        foreach (var requirement in requirements)
        {
            writer.WriteStartObject();
            writer.WriteString(Importance, requirement.Importance.ToString());
            writer.WriteString(Text, requirement.Text);
            WriteText(writer, Education, requirement.Education);
            WriteNumber(writer, ExperienceYears, requirement.ExperienceYears);
            WriteText(writer, ExperienceSubject, requirement.ExperienceSubject);
            WriteText(writer, Language, requirement.Language);
            WriteText(writer, LanguageProficiency, requirement.LanguageProficiency);
            WriteText(writer, Licence, requirement.Licence);
            WriteNumber(writer, TravelPercentMin, requirement.TravelPercentMin);
            WriteNumber(writer, TravelPercentMax, requirement.TravelPercentMax);
            WriteNumber(writer, ResidenceRadiusMiles, requirement.ResidenceRadiusMiles);
            writer.WriteEndObject();
        }

        return Finish();
    }

    public ReadOnlyMemory<byte> Sections(IReadOnlyList<PostingSection> sections)
    {
        var writer = Start();
        foreach (var section in sections)
        {
            writer.WriteStartObject();
            writer.WriteString(Kind, section.Kind.ToString());
            WriteText(writer, Heading, section.Heading);
            WriteText(writer, Body, section.Body);
            WriteText(writer, CompanySectionKey, section.CompanySectionKey);
            writer.WriteEndObject();
        }

        return Finish();
    }

    private Utf8JsonWriter Start()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
        _writer.WriteStartArray();
        return _writer;
    }

    private ReadOnlyMemory<byte> Finish()
    {
        _writer.WriteEndArray();
        _writer.Flush();
        return _buffer.WrittenMemory;
    }

    private static void WriteText(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, JsonEncodedText name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
