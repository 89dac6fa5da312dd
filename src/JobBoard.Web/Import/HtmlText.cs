using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace JobBoard.Web.Import;

/// <summary>
/// The plain text of the HTML that feeds write descriptions in, as the board stores an ad's text: paragraphs separated
/// by blank lines, list items and <c>&lt;br&gt;</c> on lines of their own, entities decoded, scripts and styles
/// dropped, and no markup left. The HTML is read by AngleSharp as a browser reads it (unclosed and misnested tags,
/// entities without their semicolon); text without markup keeps its own line breaks.
/// </summary>
public static class HtmlText
{
    private static readonly HtmlParser Parser = new();

    // Elements whose content is not text a reader sees.
    private static readonly HashSet<string> HiddenElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "head", "title", "noscript", "template", "svg", "math", "iframe", "object", "select", "textarea",
    };

    private static readonly HashSet<string> ParagraphElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "blockquote", "pre", "h1", "h2", "h3",
        "h4", "h5", "h6", "ul", "ol", "dl", "table", "form", "fieldset", "figure", "figcaption", "address", "hr", "details",
        "summary", "center", "body", "html",
    };

    private static readonly HashSet<string> LineElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "br", "li", "dt", "dd", "tr", "caption", "option",
    };

    private static readonly HashSet<string> CellElements = new(StringComparer.OrdinalIgnoreCase) { "td", "th" };

    private const string CDataStart = "<![CDATA[";
    private const string CDataEnd = "]]>";

    /// <summary>The text as paragraphs ("\n\n") of lines ("\n"); empty when nothing readable is left.</summary>
    public static string ToPlainText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny('<', '&') < 0)
        {
            // Nothing to parse: most titles, names and places.
            return FromPlainText(text);
        }

        var document = Parser.ParseDocument(WithoutCDataMarkers(text));
        if (!HasMarkup(document))
        {
            // Some feeds escape their HTML twice ("&lt;p&gt;"): once decoded it is markup like any other.
            var decoded = document.Body?.TextContent ?? string.Empty;
            document = Parser.ParseDocument(decoded);
            if (!HasMarkup(document))
            {
                return FromPlainText(decoded);
            }
        }

        var output = new TextBuilder();
        Write(document.Body ?? document.DocumentElement, output, inListItem: false, preformatted: false);
        return output.ToString();
    }

    /// <summary>The text on one line, for titles and names ("Nurse &amp;amp; Carer" is "Nurse &amp; Carer").</summary>
    public static string ToLine(string text) =>
        string.Join(' ', ToPlainText(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// Feeds made from XML wrap their HTML in CDATA sections, which HTML knows only inside SVG and MathML (elsewhere a
    /// browser reads one as a comment that ends at the first '&gt;'): what a section wraps is the description.
    /// </summary>
    private static string WithoutCDataMarkers(string text)
    {
        var start = text.IndexOf(CDataStart, StringComparison.Ordinal);
        if (start < 0)
        {
            return text;
        }

        var unwrapped = new StringBuilder(text.Length);
        var from = 0;
        while (start >= 0)
        {
            var end = text.IndexOf(CDataEnd, start + CDataStart.Length, StringComparison.Ordinal);
            if (end < 0)
            {
                break;
            }

            unwrapped.Append(text, from, start - from).Append(text, start + CDataStart.Length, end - start - CDataStart.Length);
            from = end + CDataEnd.Length;
            start = text.IndexOf(CDataStart, from, StringComparison.Ordinal);
        }

        return unwrapped.Append(text, from, text.Length - from).ToString();
    }

    /// <summary>Whether the text held any tag or comment: the parser gives every text an html, a head and a body.</summary>
    private static bool HasMarkup(IDocument document) =>
        document.All.Any(element => element.LocalName is not ("html" or "head" or "body")) || document.Descendants<IComment>().Any();

    private static string FromPlainText(string text)
    {
        var output = new TextBuilder();
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                output.Break(Pending.Paragraph);
            }
            else
            {
                output.Break(Pending.Line);
                output.Append(line, preserveSpaces: false);
            }
        }

        return output.ToString();
    }

    /// <summary>Writes a node's text: block elements break before and after their content, hidden ones write nothing.</summary>
    private static void Write(INode node, TextBuilder output, bool inListItem, bool preformatted)
    {
        if (node is IText text)
        {
            WriteText(text.Data, output, preformatted);
            return;
        }

        if (node is not IElement element)
        {
            // Comments, and what else is no element (CDATA was unwrapped before parsing).
            return;
        }

        var name = element.LocalName;
        if (HiddenElements.Contains(name))
        {
            return;
        }

        // Inside a list item a paragraph or a nested list is still part of the item: a line, not a blank-line break.
        var around = LineElements.Contains(name) ? Pending.Line
            : ParagraphElements.Contains(name) ? (inListItem ? Pending.Line : Pending.Paragraph)
            : CellElements.Contains(name) ? Pending.Space
            : Pending.None;
        output.Break(around);
        var inItem = inListItem || name.Equals("li", StringComparison.OrdinalIgnoreCase);
        var inPre = preformatted || name.Equals("pre", StringComparison.OrdinalIgnoreCase);
        foreach (var child in element.ChildNodes)
        {
            Write(child, output, inItem, inPre);
        }

        output.Break(around);
    }

    private static void WriteText(string text, TextBuilder output, bool preformatted)
    {
        if (!preformatted)
        {
            output.Append(text, preserveSpaces: false);
            return;
        }

        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                output.Break(Pending.Line);
            }

            output.Append(lines[i], preserveSpaces: true);
        }
    }

    private enum Pending
    {
        None,
        Space,
        Line,
        Paragraph,
    }

    /// <summary>Collects text into trimmed lines and paragraphs; breaks are held until more text comes, so none dangle.</summary>
    private sealed class TextBuilder
    {
        private readonly StringBuilder _text = new();
        private readonly StringBuilder _line = new();
        private Pending _pending;

        public void Break(Pending level)
        {
            if (level > _pending)
            {
                _pending = level;
            }
        }

        public void Append(string text, bool preserveSpaces)
        {
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c) && !(preserveSpaces && c == ' '))
                {
                    Break(Pending.Space);
                }
                else if (!char.IsControl(c))
                {
                    // Control characters are no text (and PostgreSQL refuses NUL in a string).
                    Write(c);
                }
            }
        }

        public override string ToString() => _text.Append(_line.ToString().TrimEnd()).ToString().TrimEnd();

        private void Write(char c)
        {
            if (_text.Length > 0 || _line.Length > 0)
            {
                switch (_pending)
                {
                    case Pending.Paragraph:
                        EndLine();
                        if (_text.Length < 2 || _text[^2] != '\n')
                        {
                            _text.Append('\n');
                        }

                        break;
                    case Pending.Line:
                        EndLine();
                        break;
                    case Pending.Space when _line.Length > 0:
                        _line.Append(' ');
                        break;
                }
            }

            _pending = Pending.None;
            _line.Append(c);
        }

        private void EndLine()
        {
            var line = _line.ToString().Trim();
            _line.Clear();
            if (line.Length > 0)
            {
                _text.Append(line).Append('\n');
            }
        }
    }
}
